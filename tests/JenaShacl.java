// Validates each DATA file against SHAPES with Apache Jena SHACL. Prints, per file, one line
// "DATA<TAB>conforms" or "DATA<TAB>violates", then "DATA<TAB>focus<TAB>NODE" per result.
// Run by tests/jena.py as a single-file program (java -cp JARS JenaShacl.java SHAPES DATA...).
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

public class JenaShacl {
    public static void main(String[] args) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(args[0]));
        for (int n = 1; n < args.length; n++) {
            String name = args[n];
            Graph data = RDFDataMgr.loadGraph(name);
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            System.out.println(name + "\t" + (report.conforms() ? "conforms" : "violates"));
            report.getEntries().forEach(entry ->
                System.out.println(name + "\tfocus\t" + entry.focusNode().toString()));
        }
    }
}
