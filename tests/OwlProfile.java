// Checks that the RDF graph in FILE... is an OWL 2 DL ontology, with the OWL API 5.1 (Debian's
// libowlapi-java) and its OWL 2 DL profile checker (Profiles.OWL2_DL, which runs the OWL 2
// structural checks too). The files are N-Triples, read as one document (blank node labels are
// shared across them: tests/owlapi.py passes one file, written from one merged graph).
//
// Prints one line per violation, "TYPE<TAB>WHERE<TAB>MESSAGE", sorted and without duplicates. TYPE
// is the simple name of the OWL API's violation class (org.semanticweb.owlapi.profiles.violations);
// WHERE is the offending axiom in functional syntax, the annotation for one on the ontology itself,
// or "-" for a violation of the ontology as a whole. Three checks are added to the OWL API's:
//  - UnparsedTriple: the parser runs in strict mode and guesses no declarations, so a triple it
//    cannot map to OWL (one whose predicate is not declared, say) is left out of the ontology; by
//    the OWL 2 RDF mapping the graph is then not an OWL 2 DL ontology. WHERE is the triple.
//  - IllegalPunning in declarations: the checker reports an illegal punning only where the entity
//    is used in an axiom, not one seen only in declarations (an IRI declared both an object and a
//    data property); OWL 2 structural specification, section 5.8.1, typing constraints.
//  - Literals in annotations (an rdfs:comment, an ontology's dcterms:created): the checker skips
//    them, though sections 5.2 and 5.7 hold for every literal; they are checked as it checks those
//    in logical axioms: UseOfDefinedDatatypeInLiteral for a datatype outside the OWL 2 datatype
//    map, LexicalNotInLexicalSpace for a lexical form outside its datatype's lexical space.
// Ends with "OwlProfile<TAB>N triples<TAB>M axioms" on stderr. Exit code 0 when in the profile, 1
// when not, 2 on any error (unreadable or unparsable file, missing jar). Run by tests/owlapi.py
// (javac, then java -cp CLASSES:JARS OwlProfile FILE...).
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFLiteral;
import org.semanticweb.owlapi.io.RDFNode;
import org.semanticweb.owlapi.io.StreamDocumentSource;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.EntityType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLAnnotation;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLAxiom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.Profiles;
import org.semanticweb.owlapi.profiles.violations.IllegalPunning;
import org.semanticweb.owlapi.profiles.violations.LexicalNotInLexicalSpace;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;

public class OwlProfile {
    // Pairs of entity types no IRI may have both of in OWL 2 DL.
    static final List<Set<EntityType<?>>> EXCLUSIVE = List.of(
        Set.of(EntityType.OBJECT_PROPERTY, EntityType.DATA_PROPERTY),
        Set.of(EntityType.OBJECT_PROPERTY, EntityType.ANNOTATION_PROPERTY),
        Set.of(EntityType.DATA_PROPERTY, EntityType.ANNOTATION_PROPERTY),
        Set.of(EntityType.CLASS, EntityType.DATATYPE));

    final Set<String> lines = new TreeSet<>();
    final OWLOntology ontology;

    OwlProfile(OWLOntology ontology) {
        this.ontology = ontology;
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (Throwable error) { // also a missing jar (NoClassDefFoundError)
            error.printStackTrace();
            System.exit(2);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: OwlProfile FILE.nt...");
        }
        List<InputStream> streams = new ArrayList<>();
        for (String name : args) {
            streams.add(new FileInputStream(name));
        }
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        // Strict: no guessed declarations; imports are never fetched (the project has none).
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
            .setStrict(true)
            .setReportStackTraces(false)
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        // N-Triples is Turtle: the Turtle parser reads it, and is the only parser tried.
        StreamDocumentSource source = new StreamDocumentSource(
            new SequenceInputStream(Collections.enumeration(streams)),
            IRI.create(new File(args[0]).toURI()), new TurtleDocumentFormat(), "text/turtle");
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(source, config);
        OWLOntologyLoaderMetaData parsed = manager.getOntologyFormat(ontology)
            .getOntologyLoaderMetaData()
            .orElseThrow(() -> new IllegalStateException("the parser left no metadata"));
        OwlProfile check = new OwlProfile(ontology);
        Profiles.OWL2_DL.checkOntology(ontology).getViolations().forEach(check::add);
        parsed.getUnparsedTriples().forEach(triple -> check.add("UnparsedTriple",
            term(triple.getSubject()) + " " + term(triple.getPredicate()) + " "
                + term(triple.getObject()) + " .",
            "the RDF-to-OWL mapping left this triple out"));
        check.declaredPunnings();
        check.annotationLiterals();
        check.lines.forEach(System.out::println);
        System.err.println("OwlProfile\t" + parsed.getTripleCount() + " triples\t"
            + ontology.getAxiomCount() + " axioms");
        return check.lines.isEmpty() ? 0 : 1;
    }

    static String oneLine(Object value) {
        return value.toString().replaceAll("\\s+", " ").trim();
    }

    void add(String kind, String where, String message) {
        lines.add(kind + "\t" + where + "\t" + message);
    }

    void add(OWLProfileViolation violation, String where) {
        add(violation.getClass().getSimpleName(), where, oneLine(violation));
    }

    void add(OWLProfileViolation violation) {
        String where;
        try {
            where = oneLine(violation.getAxiom());
        } catch (IllegalStateException noAxiom) { // a violation of the ontology as a whole
            where = "-";
        }
        add(violation, where);
    }

    // An RDF term as in N-Triples (RDFTriple.toString drops a literal's datatype).
    static String term(RDFNode node) {
        if (node instanceof RDFLiteral) {
            RDFLiteral literal = (RDFLiteral) node;
            String quoted = "\"" + literal.getLexicalValue().replace("\\", "\\\\")
                .replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
            return literal.hasLang() ? quoted + "@" + literal.getLang()
                : quoted + "^^<" + literal.getDatatype() + ">";
        }
        return node.isAnonymous() ? node.toString() : "<" + node.getIRI() + ">";
    }

    void declaredPunnings() {
        Map<IRI, Set<EntityType<?>>> types = new HashMap<>();
        ontology.axioms(AxiomType.DECLARATION).forEach(axiom ->
            types.computeIfAbsent(axiom.getEntity().getIRI(), iri -> new HashSet<>())
                .add(axiom.getEntity().getEntityType()));
        ontology.axioms(AxiomType.DECLARATION).forEach(axiom -> {
            IRI iri = axiom.getEntity().getIRI();
            for (Set<EntityType<?>> pair : EXCLUSIVE) {
                if (types.get(iri).containsAll(pair)
                    && pair.contains(axiom.getEntity().getEntityType())) {
                    add(new IllegalPunning(ontology, axiom, iri));
                }
            }
        });
    }

    void annotationLiterals() {
        ontology.annotations().forEach(annotation ->
            literalsIn(null, oneLine(annotation), annotation));
        ontology.axioms().forEach(axiom -> {
            if (axiom instanceof OWLAnnotationAssertionAxiom) {
                literalsIn(axiom, oneLine(axiom),
                    ((OWLAnnotationAssertionAxiom) axiom).getAnnotation());
            }
            axiom.annotations().forEach(annotation ->
                literalsIn(axiom, oneLine(axiom), annotation));
        });
    }

    void literalsIn(OWLAxiom axiom, String where, OWLAnnotation annotation) {
        annotation.getValue().asLiteral().ifPresent(literal -> {
            if (!literal.getDatatype().isBuiltIn()) {
                add(new UseOfDefinedDatatypeInLiteral(ontology, axiom, literal), where);
            } else if (!literal.getDatatype().getBuiltInDatatype()
                    .isInLexicalSpace(literal.getLiteral())) {
                add(new LexicalNotInLexicalSpace(ontology, axiom, literal), where);
            }
        });
        annotation.annotations().forEach(nested -> literalsIn(axiom, where, nested));
    }
}
