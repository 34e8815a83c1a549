/* diplograph: the site's pictures. Draws every element with a data-view attribute:
 *   data-view="timeline": the interactions of views/timeline.json on a vis-timeline, filtered by
 *     actor, state and kind (the #timeline-filters form) or by one actor (data-actor);
 *   data-view="network": the actors and the pairs who met of views/network.json on a vis-network.
 * data-source is the JSON file, data-root the relative path to the site root (the JSON's links are
 * relative to it). Labels are set as text, never as HTML. The drawn views are kept in
 * window.diplographViews for the browser tests. */
"use strict";

(function () {
  const PALETTE = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1",
                   "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"];
  const NO_STATE = "#999999";
  const CLUSTER_FROM = 40; // dated interactions: from this many on, the timeline clusters them
  const views = (window.diplographViews = {});

  function element(tag, text, attributes) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) made.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) made.setAttribute(name, value);
    return made;
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
  }

  function linker(root) {
    const base = new URL(root || "./", document.baseURI);
    return (href) => (href ? new URL(href, base).href : null);
  }

  function anchor(text, href) {
    return href ? element("a", text, { href }) : element("span", text);
  }

  async function load(container) {
    const url = new URL(container.dataset.source, document.baseURI);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
    return response.json();
  }

  function nextDay(day) {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + 1);
    return date;
  }

  function item(interaction, actorLabel) {
    const { date, start, end } = interaction;
    const content = element("span", interaction.label || interaction.id);
    const names = interaction.participants.map(actorLabel).join(", ");
    const when = date || [start, end].filter(Boolean).join(" – ");
    const drawn = {
      id: interaction.id,
      content,
      title: [interaction.type, when, interaction.place, names].filter(Boolean).join(" · "),
      className: `kind-${interaction.type || "Interaction"}`,
    };
    if (date) return { ...drawn, start: date };
    if (start && end) return { ...drawn, start, end: nextDay(end), type: "range" };
    return { ...drawn, start: start || end };
  }

  function option(select, value, text) {
    select.append(element("option", text, { value }));
  }

  function timeline(container, data) {
    const link = linker(container.dataset.root);
    const actors = new Map(data.actors.map((actor) => [actor.id, actor]));
    const actorLabel = (iri) => (actors.has(iri) ? actors.get(iri).label : iri);
    const byId = new Map(data.interactions.map((i) => [i.id, i]));
    const fixed = container.dataset.actor || "";
    const filters = { actor: fixed, state: "", kind: "" };
    const form = fixed ? null : document.getElementById("timeline-filters");
    if (form) {
      for (const actor of data.actors) option(form.elements.actor, actor.id, actor.label);
      for (const state of data.states) option(form.elements.state, state.id, state.label);
      for (const kind of data.kinds) option(form.elements.kind, kind, kind);
    }
    const matches = (i) =>
      (!filters.actor || i.participants.includes(filters.actor)) &&
      (!filters.state ||
        i.participants.some((p) => actors.has(p) && actors.get(p).states.includes(filters.state))) &&
      (!filters.kind || i.type === filters.kind);
    const dated = data.interactions.filter((i) => i.date || i.start || i.end);
    const items = new vis.DataSet(dated.map((i) => item(i, actorLabel)));
    const view = new vis.DataView(items, { filter: (drawn) => matches(byId.get(drawn.id)) });
    const chart = new vis.Timeline(container, view, {
      stack: true,
      showCurrentTime: false,
      zoomMin: 1000 * 60 * 60 * 24 * 3,
      margin: { item: 8, axis: 12 },
      orientation: { axis: "top" },
      maxHeight: 640,
      // Many items side by side become one cluster ("12"), opened by zooming in or double-click.
      cluster: dated.length > CLUSTER_FROM ? { maxItems: 4, fitOnDoubleClick: true } : false,
    });
    chart.on("click", (properties) => {
      const chosen = properties.item === null ? null : byId.get(properties.item);
      const target = chosen ? link(chosen.href) : null;
      if (target) window.location.assign(target);
    });
    const count = document.getElementById("timeline-count");
    const list = document.getElementById("timeline-list");
    function show() {
      const shown = data.interactions.filter(matches);
      const undated = shown.filter((i) => !(i.date || i.start || i.end)).length;
      const whose = fixed ? `${actorLabel(fixed)}: ${plural(shown.length, "interaction")}` :
        `${shown.length} of ${plural(data.interactions.length, "interaction")}`;
      count.textContent = whose + (undated ? ` (${undated} without a date: listed below only)` : "");
      list.replaceChildren(...shown.map((i) => {
        const entry = element("li");
        const when = i.date || [i.start, i.end].filter(Boolean).join(" – ") || "undated";
        entry.append(anchor(i.label || i.id, link(i.href)), " ",
                     element("small", [i.type, when, i.place].filter(Boolean).join(" · ")));
        return entry;
      }));
      view.refresh();
      if (view.length) chart.fit({ animation: false });
    }
    if (form) {
      form.addEventListener("change", () => {
        for (const name of Object.keys(filters)) filters[name] = form.elements[name].value;
        show();
      });
    }
    show();
    views.timeline = { chart, items, view, filters, show };
  }

  function network(container, data) {
    const link = linker(container.dataset.root);
    const labels = new Map(data.nodes.map((node) => [node.id, node.label]));
    const states = data.states.map((state) => state.id);
    const colour = (node) =>
      node.states.length ? PALETTE[states.indexOf(node.states[0]) % PALETTE.length] : NO_STATE;
    const nodes = new vis.DataSet(data.nodes.map((node) => ({
      id: node.id,
      label: node.label,
      value: node.interactions,
      color: colour(node),
      title: `${node.label} (${node.type || "actor"}): ${plural(node.interactions, "interaction")}`,
    })));
    const edges = new vis.DataSet(data.edges.map((edge, number) => ({
      id: `e${number}`,
      from: edge.source,
      to: edge.target,
      value: edge.weight,
      label: String(edge.weight),
      title: edge.interactions.map((i) => i.label).join("\n"),
    })));
    const chart = new vis.Network(container, { nodes, edges }, {
      layout: { randomSeed: 7 },
      physics: { solver: "forceAtlas2Based", stabilization: { iterations: 400, fit: true } },
      nodes: { shape: "dot", scaling: { min: 10, max: 28 }, font: { size: 15, face: "system-ui" } },
      edges: { smooth: false, color: { color: "#8a99b3", highlight: "#23395d" },
               scaling: { min: 2, max: 10 }, font: { size: 13, align: "top" } },
      interaction: { hover: true, tooltipDelay: 150 },
    });
    const drawn = { chart, nodes, edges, stabilized: false };
    chart.once("stabilizationIterationsDone", () => {
      chart.setOptions({ physics: false });
      drawn.stabilized = true;
    });
    const pair = (edge) => `${labels.get(edge.source)} and ${labels.get(edge.target)}`;
    const detail = document.getElementById("network-detail");
    chart.on("click", (properties) => {
      if (properties.nodes.length) {
        const node = data.nodes.find((n) => n.id === properties.nodes[0]);
        const target = node ? link(node.href) : null;
        if (target) window.location.assign(target);
      } else if (properties.edges.length && detail) {
        const edge = data.edges[Number(properties.edges[0].slice(1))];
        detail.querySelector("h2").textContent =
          `${pair(edge)}: ${plural(edge.weight, "interaction")}`;
        detail.querySelector("ul").replaceChildren(...edge.interactions.map((i) => {
          const entry = element("li");
          entry.append(anchor(i.label, link(i.href)));
          return entry;
        }));
        detail.hidden = false;
      }
    });
    document.getElementById("network-count").textContent =
      `${plural(data.nodes.length, "actor")}, ${plural(data.edges.length, "pair")} who met`;
    const legend = document.getElementById("network-legend");
    legend.replaceChildren(...data.states.map((state, number) => {
      const entry = element("li");
      const swatch = element("span", null, { class: "swatch" });
      swatch.style.background = PALETTE[number % PALETTE.length];
      entry.append(swatch, anchor(state.label, link(state.href)));
      return entry;
    }));
    const list = document.getElementById("network-list");
    list.replaceChildren(...data.edges.map((edge) => {
      const entry = element("li");
      const source = data.nodes.find((n) => n.id === edge.source);
      const target = data.nodes.find((n) => n.id === edge.target);
      entry.append(anchor(labels.get(edge.source), link(source && source.href)), " — ",
                   anchor(labels.get(edge.target), link(target && target.href)),
                   `: ${plural(edge.weight, "interaction")}`);
      return entry;
    }));
    views.network = drawn;
  }

  const draw = { timeline, network };
  for (const container of document.querySelectorAll("[data-view]")) {
    load(container)
      .then((data) => draw[container.dataset.view](container, data))
      .catch((error) => {
        const count = document.getElementById(`${container.dataset.view}-count`);
        if (count) count.textContent = `The ${container.dataset.view} could not be drawn: ${error.message}`;
      });
  }
})();
