// briefgen's page: the working folder, uploads, jobs and their progress, problems at their place, previews.
// Every text comes from the catalogue (the #texts JSON the server words in the page's language).
"use strict";
(function () {
  const T = JSON.parse(document.getElementById("texts").textContent);
  const LIMITS = JSON.parse(document.getElementById("limits-data").textContent);
  const TOKEN = document.querySelector('meta[name="briefgen-token"]').content;
  const $ = (sel) => document.querySelector(sel);
  const fill = (text, args) => text.replace(/\{(\w+)\}/g, (m, k) => (k in args ? args[k] : m));
  let sid = null;
  let watchSource = null;
  let folderInfo = { files: [], templates: [], departments: [], track: { rules: [], rule: "", progress: [] } };

  // A panel shows one kind of job: its status line, problems at their place, files, previews and warnings. The
  // briefs, the 进度表 and the 督办通报 each have one (the same markup, ids with their prefix); body[data-<attr>]
  // says the state of its last job (running, done, failed).
  function panel(prefix, attr) {
    const g = (n) => document.getElementById(prefix + n);
    return { attr, current: null, state: g("state"), status: g("status"), problemsBox: g("problems-box"), problems: g("problems"),
      results: g("results"), zip: g("zip"), outputs: g("outputs"), pages: g("pages"), warningsBox: g("warnings-box"),
      warnings: g("warnings"), welcome: g("welcome") };
  }
  const BRIEF = panel("", "jobState");
  const FORMS = panel("forms-", "formsState");
  const TRACK = panel("track-", "trackState");
  FORMS.welcome = TRACK.welcome = document.getElementById("track-welcome");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  function megabytes(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(0) + " MB" : n.toLocaleString() + " B";
  }

  async function api(method, url, body) {
    const opts = { method, headers: { "X-Briefgen-Token": TOKEN } };
    if (body instanceof FormData) opts.body = body;
    else if (body !== undefined) {
      opts.body = JSON.stringify(body);
      opts.headers["Content-Type"] = "application/json";
    }
    const res = await fetch(url, opts);
    let data = {};
    try { data = await res.json(); } catch (e) { data = {}; }
    return { ok: res.ok, status: res.status, data };
  }

  async function ensureSession() {
    sid = sessionStorage.getItem("briefgen-session");
    if (sid) {
      const r = await api("GET", `/api/sessions/${sid}`);
      if (r.ok) { showFolder(r.data); return; }
    }
    const made = await api("POST", "/api/sessions");
    sid = made.data.id;
    sessionStorage.setItem("briefgen-session", sid);
    document.body.dataset.session = sid;
    await refreshFolder();
  }

  async function refreshFolder() {
    const r = await api("GET", `/api/sessions/${sid}`);
    if (r.ok) showFolder(r.data);
  }

  function showFolder(info) {
    folderInfo = info;
    showTrack(info);
    document.body.dataset.session = sid;
    const body = $("#files tbody");
    body.replaceChildren();
    for (const f of info.files) {
      const tags = el("span", { class: "tags" });
      if (f.used) tags.append(el("em", { class: "used", text: T.used }));
      if (f.uploaded) tags.append(el("em", { text: T.uploaded }));
      body.append(el("tr", { "data-role": f.role, class: f.used ? "" : "idle" },
        el("td", { text: f.name }), el("td", {}, el("span", { text: f.label }), tags), el("td", { class: "num", text: megabytes(f.size) })));
    }
    $("#files").hidden = !info.files.length;
    $("#empty").hidden = info.files.some((f) => f.role === "data");
    const box = $("#templates");
    const ticked = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
    box.replaceChildren();
    const docs = info.templates.map((t) => t.document);
    for (const t of info.templates) {
      const twice = docs.filter((d) => d === t.document).length > 1;
      const on = ticked.size ? ticked.has(t.name) : ["summary", "tasks"].includes(t.name);
      const input = el("input", { type: "checkbox", value: t.name });
      input.checked = on;
      box.append(el("label", { class: "check", title: t.name }, input, " " + t.document + (twice ? `（${t.name}）` : "")));
    }
    const deps = $("#departments");
    if (info.departments.length) {
      const picked = new Set([...deps.querySelectorAll("input:checked")].map((i) => i.value));
      deps.replaceChildren();
      for (const d of info.departments) {
        const input = el("input", { type: "checkbox", value: d });
        input.checked = picked.has(d);
        deps.append(el("label", { class: "check" }, input, " " + d));
      }
    }
  }

  // ---- uploads: checked here before a byte is sent, and again by the server ----
  function refusals(files, kind) {
    const out = [];
    const table = kind === "report" ? LIMITS.reports : kind === "progress" ? LIMITS.progress : LIMITS.files;
    if (files.length > LIMITS.count) return { ok: [], refused: [fill(T.too_many, { n: files.length, limit: LIMITS.count })] };
    const ok = [];
    for (const f of files) {
      const lower = f.name.toLowerCase();
      const suffix = Object.keys(table).sort((a, b) => b.length - a.length).find((s) => lower.endsWith(s));
      if (!suffix) { out.push(fill(T.wrong_kind, { name: f.name })); continue; }
      if (f.size > table[suffix]) {
        out.push(fill(T.too_big, { name: f.name, size: megabytes(f.size), limit: megabytes(table[suffix]) }));
        continue;
      }
      ok.push(f);
    }
    return { ok, refused: out };
  }

  async function upload(fileList, kind, where, make = true) {
    const files = [...fileList];
    where = where || (kind === "report" ? $("#report-problems") : $("#upload-problems"));
    const { ok, refused } = refusals(files, kind);
    showProblems(where, refused.map((text) => ({ where: "", text })));
    if (!ok.length) return;
    const form = new FormData();
    form.append("kind", kind);
    for (const f of ok) form.append("file", f, f.name);
    const r = await api("POST", `/api/sessions/${sid}/files`, form);
    const problems = refused.map((text) => ({ where: "", text })).concat(r.data.problems || []);
    showProblems(where, problems);
    await refreshFolder();
    if (kind === "report" && r.data.draft) showDraft(r.data.draft);
    else if (make && kind === "folder" && (r.data.stored || []).length && folderInfo.files.some((f) => f.role === "data")) start();
  }

  function wireDrop(zone, input, kind, where, make = true) {
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      upload(e.dataTransfer.files, kind, where, make);
    });
    input.addEventListener("change", () => { upload(input.files, kind, where, make); input.value = ""; });
  }

  // ---- the draft from a report ----
  function showDraft(draft) {
    const box = $("#draft-box");
    $("#welcome").hidden = true;
    showProblems($("#report-problems"), draft.problems || []);
    if (!draft.fields || !draft.fields.length) { box.hidden = true; return; }
    const form = $("#draft");
    form.dataset.report = draft.report;
    $("#draft-title").textContent = draft.title;
    const doubts = $("#draft-fields");
    const rest = $("#draft-rest");
    doubts.replaceChildren();
    rest.replaceChildren();
    for (const f of draft.fields) {
      let input;
      if (f.kind === "yes") {
        input = el("input", { type: "checkbox", name: f.label });
        input.checked = f.value === "true";
      } else {
        input = f.long ? el("textarea", { name: f.label, rows: "3" }) : el("input", { name: f.label, type: f.kind === "date" ? "date" : "text" });
        input.value = f.value;
      }
      const row = el("label", { class: "field" + (f.reason ? " doubt" : ""), title: f.label }, el("span", { class: "key", text: f.name }), input);
      if (f.reason) row.append(el("small", { class: "why", text: fill(T.to_check, { why: f.reason }) }));
      (f.reason ? doubts : rest).append(row);
    }
    $("#draft-more summary").textContent = fill(T.draft_rest, { n: rest.children.length });
    box.hidden = false;
    box.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  async function saveDraft(e) {
    e.preventDefault();
    const form = $("#draft");
    const edits = {};
    for (const input of form.querySelectorAll("[name]")) edits[input.name] = input.type === "checkbox" ? String(input.checked) : input.value;
    const r = await api("POST", `/api/sessions/${sid}/draft`, { report: form.dataset.report, edits });
    if (!r.ok) { showProblems($("#report-problems"), r.data.problems || []); return; }
    showProblems($("#report-problems"), [{ where: "", text: fill(T.draft_saved, { name: r.data.saved }), ok: true }]);
    $("#draft-box").hidden = true;
    await refreshFolder();
    selectKind("build");
    start();
  }

  // ---- jobs ----
  function kind() { return document.querySelector('input[name="kind"]:checked').value; }

  function selectKind(k) {
    document.querySelector(`input[name="kind"][value="${k}"]`).checked = true;
    for (const fs of document.querySelectorAll("fieldset[data-for]")) fs.hidden = fs.dataset.for !== k;
  }

  function options(k) {
    const o = { theme: $("#theme").value, mark: $("#mark").value, archive: $("#archive").checked };
    if (k === "build") {
      o.templates = [...document.querySelectorAll("#templates input:checked")].map((i) => i.value);
      o.title = $("#title").value;
    } else if (k === "pack") {
      for (const f of ["meeting", "date", "venue", "number"]) o[f] = $("#" + f).value;
    } else {
      o.only = [...document.querySelectorAll("#departments input:checked")].map((i) => i.value);
    }
    return o;
  }

  async function start() {
    const k = kind();
    const o = options(k);
    if (k === "batch") prepareProgress(o.only.length ? o.only : folderInfo.departments);
    else $("#progress").hidden = true;
    await run(k, o, BRIEF);
  }

  async function run(k, o, P) {
    document.body.dataset[P.attr] = "running";  // at once, before the request: the last job's "done" is over
    setStatus(T.working, "busy", P);
    P.problemsBox.hidden = true;
    const r = await api("POST", `/api/sessions/${sid}/jobs`, { kind: k, options: o });
    if (!r.ok) { show({ state: "failed", problems: r.data.problems || [] }, P); return; }
    listen(r.data.id, P);
  }

  function listen(jid, P = BRIEF) {
    P.current = jid;
    if (P === BRIEF) document.body.dataset.job = jid;
    document.body.dataset[P.attr] = "running";
    const source = new EventSource(`/api/sessions/${sid}/jobs/${jid}/events`);
    source.addEventListener("progress", (e) => { if (P.current === jid && P === BRIEF) progress(JSON.parse(e.data)); });
    source.addEventListener("done", (e) => {
      source.close();
      if (P.current === jid) show(JSON.parse(e.data), P);
    });
  }

  function prepareProgress(units) {
    const list = $("#briefs");
    list.replaceChildren();
    for (const u of units) list.append(el("li", { "data-unit": u }, el("span", { text: u }), el("div", { class: "bar" }, el("i"))));
    $("#progress").hidden = false;
    progress({ done: 0, total: units.length || 0 });
  }

  function progress(p) {
    $("#progress").hidden = false;
    const share = p.total ? (100 * p.done) / p.total : 0;
    $("#progress .overall i").style.width = share + "%";
    $("#progress .overall span").textContent = fill(T.progress, { done: p.done, total: p.total });
    if (p.unit) {
      let item = [...document.querySelectorAll("#briefs li")].find((li) => li.dataset.unit === p.unit);
      if (!item) {
        item = el("li", { "data-unit": p.unit }, el("span", { text: p.unit }), el("div", { class: "bar" }, el("i")));
        $("#briefs").append(item);
      }
      item.classList.add("done");
      item.querySelector("i").style.width = "100%";
    }
  }

  function setStatus(text, cls, P = BRIEF) {
    P.state.hidden = false;
    P.welcome.hidden = true;
    P.status.textContent = text;
    P.status.className = "status " + (cls || "");
  }

  function showProblems(box, problems) {
    box.replaceChildren();
    for (const p of problems) {
      const item = el("div", { class: "problem" + (p.ok ? " ok" : "") });
      if (p.where) item.append(el("b", { class: "where", text: p.where }));
      item.append(el("span", { class: "text", text: p.text }));
      if (p.place) item.append(place(p.place));
      box.append(item);
    }
  }

  function place(pl) {
    if (pl.kind === "cell") {
      const table = el("table", { class: "grid" });
      const head = el("tr", {}, el("th", { text: "" }));
      pl.columns.forEach((c) => head.append(el("th", { text: c })));
      table.append(el("caption", { text: fill(T.sheet_at, { sheet: pl.sheet || "" }) }), head);
      for (const [n, cells] of pl.rows) {
        const tr = el("tr", {}, el("th", { text: String(n) }));
        cells.forEach((c, i) => {
          const td = el("td", { text: c });
          if (n === pl.mark[0] && i === pl.mark[1]) { td.className = "mark"; td.setAttribute("data-cell", pl.columns[i] + n); }
          tr.append(td);
        });
        table.append(tr);
      }
      return table;
    }
    const pre = el("pre", { class: "lines" });
    for (const [n, [text]] of pl.rows) {
      const line = el("span", { class: n === pl.mark[0] ? "mark" : "" }, el("i", { text: String(n).padStart(4, " ") + "  " }), text + "\n");
      pre.append(line);
    }
    return pre;
  }

  function show(job, P = BRIEF) {
    document.body.dataset[P.attr] = job.state;
    const problems = job.problems || [];
    // the 通报's summary (截至 … 正常 8，滞后 1 …) is the result itself: it goes on the status line, not among the warnings
    const summary = job.kind === "track-report" && job.state === "done" ? (job.notes || []).slice(0, 1) : [];
    if (job.state === "failed") setStatus(T.failed, "bad", P);
    else setStatus([fill(T.done, { seconds: job.seconds }), ...summary].join(" "), "good", P);
    P.problemsBox.hidden = !problems.length && !(job.failed || []).length;
    showProblems(P.problems, problems.concat((job.failed || []).map((f) => ({ where: f.unit, text: f.reason }))));
    const notes = (job.notes || []).filter((n) => !summary.includes(n));
    const warnings = (job.warnings || []).concat(notes.map((n) => ({ where: "", text: n })));
    P.warningsBox.hidden = !warnings.length;
    showProblems(P.warnings, warnings);
    if (job.state !== "done") { P.results.hidden = true; return; }
    if (job.kind === "batch" && job.progress) progress(job.progress);
    const base = `/api/sessions/${sid}/jobs/${job.id}`;
    P.zip.href = `${base}/zip`;
    if (job.kind === "track-report") job.files = job.files.filter((f) => f.format !== "json"); // the kept result: for the next period
    const list = P.outputs;
    list.replaceChildren();
    const link = (f) => el("a", { href: `${base}/files/${encodeURIComponent(f.name)}`, download: f.name, title: f.name,
      text: job.kind === "batch" ? f.format.toUpperCase() : f.name });
    if (job.kind === "batch") { // one line per department: its PDF and its DOCX
      const units = [...new Set(job.files.map((f) => f.unit))];
      for (const u of units) {
        const mine = job.files.filter((f) => f.unit === u);
        const pdf = mine.find((f) => f.format === "pdf");
        const item = el("li", { "data-unit": u }, el("span", { class: "unit", text: u }));
        for (const f of mine) item.append(" ", link(f));
        if (pdf && pdf.pages) item.append(el("small", { text: " " + fill(T.pages, { n: pdf.pages }) }));
        list.append(item);
      }
    } else {
      for (const f of job.files) {
        const info = [f.format.toUpperCase()];
        if (f.pages) info.push(fill(T.pages, { n: f.pages }));
        if (f.status === "unchanged") info.push(T.kept);
        list.append(el("li", { "data-format": f.format }, link(f), el("small", { text: " " + info.join(" · ") })));
      }
    }
    const pages = P.pages;
    if (!pages) { P.results.hidden = false; return; }
    pages.replaceChildren();
    if (job.sheet) {
      pages.append(el("figure", {}, el("img", { src: `${base}/sheet`, alt: job.sheet, class: "sheet" })));
    } else {
      // every PDF previewed: for 督办 the 通报 first, then each unit's 催办单 (their pages load as she scrolls)
      const first = (f) => (f.template === "track-circular" ? 0 : 1);
      const shown = job.files.filter((x) => x.format === "pdf").sort((a, b) => first(a) - first(b));
      let seen = 0;
      for (const f of shown) {
        const doc = el("div", { class: "doc" }, el("h3", { text: f.name }));
        for (let n = 1; n <= (f.pages || 1); n++) {
          seen += 1;
          const img = el("img", { src: `${base}/pages/${encodeURIComponent(f.name)}/${n}`, alt: fill(T.page_n, { n }), loading: seen > 6 ? "lazy" : "eager" });
          // a page opens the PDF in the browser's own viewer, at full size
          const open = el("a", { href: `${base}/files/${encodeURIComponent(f.name)}?inline=1#page=${n}`, target: "_blank", rel: "noopener" }, img);
          doc.append(el("figure", {}, open, el("figcaption", { text: fill(T.page_n, { n }) })));
        }
        pages.append(doc);
      }
    }
    P.results.hidden = false;
  }

  // ---- watch: a save in the folder makes the documents again ----
  function watch(on) {
    if (watchSource) { watchSource.close(); watchSource = null; }
    if (!on || !sid) return;
    watchSource = new EventSource(`/api/sessions/${sid}/watch`);
    watchSource.addEventListener("rebuild", (e) => {
      const d = JSON.parse(e.data);
      setStatus(fill(T.remade, { time: d.time }), "busy");
      refreshFolder();
      listen(d.job);
      document.body.dataset.remade = String(Number(document.body.dataset.remade || 0) + 1);
    });
  }

  // ---- the tabs: 简报材料, 督办, 档案 (the address keeps the one open: #track, #archive) ----
  function openTab(name) {
    if (!["brief", "track", "archive"].includes(name)) name = "brief";
    for (const m of document.querySelectorAll("main[data-tab]")) m.hidden = m.dataset.tab !== name;
    for (const b of document.querySelectorAll(".pages-nav [data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
    document.body.dataset.tab = name;
    if (location.hash.slice(1) !== name) history.replaceState(null, "", name === "brief" ? location.pathname : "#" + name);
    if (name === "archive") archiveOpen();
  }

  // ---- 督办: the plan, the period, the forms out, the returned forms in, the 通报 ----
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  let asOfTouched = false;

  function defaultAsOf() { // today, or the period's last day when the period is over (or still to come)
    const [y, m] = $("#track-period").value.split("-").map(Number);
    if (!y || !m) return;
    const today = iso(new Date());
    const last = iso(new Date(y, m, 0));
    const first = `${$("#track-period").value}-01`;
    $("#track-as-of").value = today >= first && today <= last ? today : last;
  }

  function showTrack(info) {
    const used = info.files.filter((f) => f.used && (f.role === "data" || f.role === "tasks")).map((f) => f.name);
    const plan = $("#track-plan");
    const ready = info.files.some((f) => f.used && f.role === "data");
    const comma = document.documentElement.lang.startsWith("zh") ? "、" : ", ";
    plan.textContent = ready ? fill(T.track_plan_files, { files: used.join(comma) }) : T.track_no_plan;
    plan.className = ready ? "" : "hint";
    const t = info.track || { rules: [], rule: "", progress: [] };
    const select = $("#track-rule");
    const chosen = select.value || t.rule;
    select.replaceChildren(...t.rules.map((r) => { const o = el("option", { value: r, text: r }); o.selected = r === chosen; return o; }));
    trackRules = t;
    showThresholds();
    const list = $("#track-received");
    list.replaceChildren(...t.progress.map((f) => el("li", {}, el("span", { text: f.name }), el("small", { text: " " + megabytes(f.size) }))));
    $("#track-received-count").textContent = t.progress.length ? fill(T.track_received, { n: t.progress.length }) : T.track_none_received;
    $("#track-clear").hidden = !t.progress.length;
  }

  // the chosen rule's thresholds, as briefgen.toml sets them; a change holds for the 通报 made next, not for the file
  let trackRules = null;
  const edited = {};
  function showThresholds() {
    const box = $("#track-thresholds");
    const names = (trackRules && trackRules.thresholds && trackRules.thresholds[$("#track-rule").value]) || [];
    box.querySelectorAll("label").forEach((l) => l.remove());
    for (const name of names) {
      const value = name in edited ? edited[name] : trackRules.values[name];
      const input = el("input", { type: "number", name, value: String(value), min: "0", step: "any", "data-threshold": name });
      input.addEventListener("change", () => { edited[name] = input.value; });
      box.append(el("label", {}, T[`threshold_${name}`] || name, " ", input));
    }
    box.hidden = !names.length;
  }

  function thresholds() {
    const out = {};
    for (const input of document.querySelectorAll("#track-thresholds input[data-threshold]")) {
      if (input.value !== String(trackRules.values[input.dataset.threshold])) out[input.dataset.threshold] = input.value;
    }
    return out;
  }

  function trackForms() {
    run("track-forms", { period: $("#track-period").value, theme: $("#theme").value, mark: $("#mark").value }, FORMS);
  }

  function trackReport() {
    run("track-report", { period: $("#track-period").value, as_of: $("#track-as-of").value, rule: $("#track-rule").value,
      thresholds: thresholds(), theme: $("#theme").value, mark: $("#mark").value }, TRACK);
  }

  // ---- 档案: search the archive catalogue; a figure's series; a unit's tasks ----
  let archiveState = null;

  async function archiveOpen() {
    if (archiveState) return;
    const r = await api("GET", `/api/sessions/${sid}/catalog`);
    if (!r.ok) { showProblems($("#archive-problems"), r.data.problems || []); return; }
    const where = $("#archive-where");
    if (!r.data.exists) { // asked again each time the tab opens: the catalogue may be made meanwhile
      where.textContent = r.data.hint;
      where.className = "hint";
      document.body.dataset.archive = "none";
      return;
    }
    archiveState = r.data;
    where.className = "path";
    where.textContent = fill(T.archive_where, { path: r.data.path, documents: r.data.documents, folders: r.data.folders });
    for (const y of r.data.years) $("#archive-year").append(el("option", { value: String(y), text: String(y) }));
    for (const k of r.data.kinds) $("#archive-kind").append(el("option", { value: k.kind, text: k.label }));
    $("#archive-form").hidden = false;
    document.body.dataset.archive = "ready";
    $("#archive-q").focus();
  }

  function dataTable(table, header, rows) {
    table.replaceChildren(el("tr", {}, ...header.map((h) => el("th", { text: h }))));
    for (const row of rows) table.append(el("tr", {}, ...row.map((v) => el("td", { text: v == null ? "" : String(v) }))));
  }

  async function archiveSearch(e) {
    e.preventDefault();
    const q = $("#archive-q").value.trim();
    if (!q) return;
    document.body.dataset.archiveState = "running";
    const params = new URLSearchParams({ q, year: $("#archive-year").value, kind: $("#archive-kind").value });
    const r = await api("GET", `/api/sessions/${sid}/catalog/search?${params}`);
    showProblems($("#archive-problems"), r.ok ? [] : r.data.problems || []);
    for (const id of ["#archive-figure-box", "#archive-tasks-box", "#archive-hits-box"]) $(id).hidden = true;
    if (!r.ok) { document.body.dataset.archiveState = "failed"; return; }
    const d = r.data;
    if (d.figure.length) {
      $("#archive-figure-title").textContent = fill(T.archive_figure, { name: d.query });
      $("#archive-merged").textContent = d.merged.length ? fill(T.archive_merged, { names: d.merged.join("、") }) : "";
      dataTable($("#archive-figure"), d.header, d.figure.map((f) => [f.period, f.name, f.value, f.unit, f.yoy, f.document, f.page]));
      $("#archive-xlsx").href = `/api/sessions/${sid}/catalog/figure.xlsx?${new URLSearchParams({ name: d.query })}`;
      $("#archive-xlsx").setAttribute("download", "");
      $("#archive-figure-box").hidden = false;
    }
    if (d.tasks.length || d.statuses.length) {
      $("#archive-tasks-title").textContent = fill(T.archive_tasks, { query: d.query });
      dataTable($("#archive-tasks"), d.tasks_header, d.tasks.map((t) => [t.year, t.period, t.title, t.lead, t.support, t.due, t.document]));
      $("#archive-tasks").hidden = !d.tasks.length;
      // the 督办 history: each task's status period by period, the status cell in its 台账 colour
      const statuses = $("#archive-statuses");
      dataTable(statuses, d.status_header, d.statuses.map((r) => [r.item, r.title, r.lead,
        r.issue ? `${r.period}（${fill(T.archive_issue, { n: r.issue })}）` : r.period, r.status,
        r.percent == null ? "" : r.percent, r.document, r.page]));
      d.statuses.forEach((r, i) => {
        const cell = statuses.rows[i + 1].cells[4];
        cell.dataset.colour = r.colour;
        if (r.colour) cell.style.background = `#${d.status_fills[r.colour]}`;
      });
      $("#archive-statuses-title").textContent = fill(T.archive_statuses, { query: d.query, n: new Set(d.statuses.map((r) => r.title)).size });
      statuses.hidden = $("#archive-statuses-title").hidden = !d.statuses.length;
      $("#archive-tasks-box").hidden = false;
    }
    const list = $("#archive-hits");
    list.replaceChildren();
    for (const h of d.hits) {
      const text = el("div", { class: "hit-text" },
        el("b", { class: "doc", text: h.name }),
        el("small", { text: [h.kind, h.issuer, h.period, h.pdf ? fill(T.page_n, { n: h.page }) : ""].filter(Boolean).join(" · ") }),
        el("p", { class: "snippet" }, h.before, el("mark", { text: h.match }), h.after));
      let thumb;
      if (h.pdf && h.document != null) {
        const src = `/api/sessions/${sid}/catalog/pages/${h.document}/${h.page}`;
        thumb = el("a", { href: src, target: "_blank", rel: "noopener", class: "thumb" }, el("img", { src, alt: fill(T.page_n, { n: h.page }), loading: "lazy" }));
      } else thumb = el("span", { class: "thumb none", text: T.archive_docx });
      list.append(el("li", {}, thumb, text));
    }
    $("#archive-hits-title").textContent = d.hits.length ? fill(T.archive_hits, { query: d.query, n: d.hits.length }) : fill(T.archive_no_hits, { query: d.query });
    $("#archive-more").hidden = !d.more;
    $("#archive-more").textContent = fill(T.archive_more, { n: d.hits.length });
    $("#archive-hits-box").hidden = false;
    document.body.dataset.archiveState = "done";
  }

  // ---- wiring ----
  $("#limits").textContent = fill(T.limits, { count: LIMITS.count, size: megabytes(Math.max(...Object.values(LIMITS.files))), total: megabytes(LIMITS.total) });
  wireDrop($("#drop"), $("#pick"), "folder");
  wireDrop($("#report-drop"), $("#report-pick"), "report");
  for (const r of document.querySelectorAll('input[name="kind"]')) r.addEventListener("change", () => selectKind(r.value));
  $("#start").addEventListener("click", start);
  $("#draft").addEventListener("submit", saveDraft);
  $("#sample").addEventListener("click", async () => { await api("POST", `/api/sessions/${sid}/sample`); await refreshFolder(); start(); });
  $("#watch").addEventListener("change", (e) => watch(e.target.checked));
  for (const b of document.querySelectorAll(".pages-nav [data-tab]")) b.addEventListener("click", () => openTab(b.dataset.tab));
  wireDrop($("#track-plan-drop"), $("#track-plan-pick"), "folder", $("#track-plan-problems"), false);
  wireDrop($("#track-drop"), $("#track-pick"), "progress", $("#track-upload-problems"));
  $("#track-period").value = iso(new Date()).slice(0, 7);
  defaultAsOf();
  $("#track-period").addEventListener("change", () => { if (!asOfTouched) defaultAsOf(); });
  $("#track-as-of").addEventListener("change", () => { asOfTouched = true; });
  $("#track-forms-start").addEventListener("click", trackForms);
  $("#track-report-start").addEventListener("click", trackReport);
  $("#track-rule").addEventListener("change", showThresholds);
  $("#track-clear").addEventListener("click", async () => { await api("POST", `/api/sessions/${sid}/progress/clear`); await refreshFolder(); });
  $("#archive-form").addEventListener("submit", archiveSearch);
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => e.preventDefault());
  ensureSession().then(() => {
    watch($("#watch").checked);
    openTab(location.hash.slice(1));
    document.body.dataset.ready = "1";
    if (folderInfo.start && folderInfo.files.some((f) => f.role === "data")) start();
  });
})();
