// The draft box: the reply text, its verdict, and the only ways out of the page (copy, mark as sent).
//
// Every button sends the text that is in the box at the moment of the click; the server checks that exact
// text and answers. The clipboard is written only with the text the server released: the write starts at
// the click (so the browser sees a user gesture) with a promise that the server's answer resolves, or rejects
// when the text is blocked, so a blocked or stale text can never reach the clipboard. Buyer and draft text
// is only ever put into the page as text nodes (textContent / value), never as HTML.

const ANSWER_TIMEOUT_MS = 15000;
const CHECK_PAUSE_MS = 900;

function isMod(event) {
  return event.ctrlKey || event.metaKey;
}

function newNonce() {
  const random = Math.random().toString(36).slice(2);
  return `${Date.now().toString(36)}-${random}`;
}

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const root = parentElement;
  const $ = (selector) => root.querySelector(selector);
  const box = $(".ra-text");
  const d = data || {};
  // The state lives on the window, not on the box's element: Streamlit rebuilds the element when one of its
  // runs is cut short by the next click, and the text being typed, the copies waiting for the app's answer
  // and the answers already handled must survive that.
  const st = window.__replyAssistantDraftBox || (window.__replyAssistantDraftBox = {
    version: null, text: "", pending: new Map(), handled: new Set(), inflight: null, timer: null, data: d,
    focused: false, selection: [0, 0],
  });
  st.data = d;
  const fresh = !box.dataset.ready;
  box.dataset.ready = "1";

  function checkedSame() {
    return Boolean(st.data.report) && box.value === st.data.checked_text;
  }

  function showMessage(text, ok) {
    const message = $(".ra-message");
    message.textContent = text || "";
    message.dataset.ok = ok ? "true" : "false";
  }

  function focusMessage() {
    const target = document.querySelector('textarea[aria-label="Buyer message"]');
    if (target) target.focus();
  }

  function selectBox() {
    box.focus();
    box.select();
  }

  function renderHighlights(violations) {
    const layer = $(".ra-highlights");
    const text = box.value;
    layer.replaceChildren();
    const spans = violations.filter((v) => v.start16 < v.end16 && v.end16 <= text.length);
    const cuts = new Set([0, text.length]);
    spans.forEach((v) => { cuts.add(v.start16); cuts.add(v.end16); });
    const points = Array.from(cuts).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [start, end] = [points[i], points[i + 1]];
      const piece = text.slice(start, end);
      const covering = spans.filter((v) => v.start16 <= start && end <= v.end16);
      if (!covering.length) {
        layer.appendChild(document.createTextNode(piece));
        continue;
      }
      const mark = document.createElement("mark");
      const blocking = covering.some((v) => v.severity === "block");
      mark.className = blocking ? "ra-block" : "ra-warn";
      mark.dataset.rules = Array.from(new Set(covering.map((v) => v.rule))).sort().join(", ");
      mark.textContent = piece;
      layer.appendChild(mark);
    }
    // A trailing newline needs a character after it, or the backdrop is one line shorter than the text.
    layer.appendChild(document.createTextNode("\u200b"));
    syncScroll();
  }

  function renderViolations(violations) {
    // One line per rule: what it found (the evidence, in quotes) and how to fix it; the rule's full
    // explanation is the line's tooltip.
    const list = $(".ra-violations");
    list.replaceChildren();
    const byRule = new Map();
    violations.forEach((v) => {
      if (!byRule.has(v.rule)) byRule.set(v.rule, []);
      byRule.get(v.rule).push(v);
    });
    const ordered = Array.from(byRule.entries()).sort((a, b) => {
      const blockA = a[1].some((v) => v.severity === "block") ? 0 : 1;
      const blockB = b[1].some((v) => v.severity === "block") ? 0 : 1;
      return blockA - blockB || a[0].localeCompare(b[0]);
    });
    ordered.forEach(([rule, found]) => {
      const blocking = found.some((v) => v.severity === "block");
      const item = document.createElement("li");
      item.className = blocking ? "ra-block" : "ra-warn";
      item.title = found[0].message;
      const name = document.createElement("code");
      name.textContent = rule;
      const evidence = Array.from(new Set(found.map((v) => v.evidence).filter(Boolean)))
        .map((e) => `"${e}"`).join(", ");
      const what = document.createElement("span");
      what.textContent = ` ${blocking ? "blocks" : "warning"}${evidence ? `: ${evidence}` : `: ${found[0].message}`}. `;
      const fix = document.createElement("span");
      fix.className = "ra-fix";
      fix.textContent = found[0].fix_hint;
      item.append(name, what, fix);
      list.appendChild(item);
    });
    list.hidden = violations.length === 0;
  }

  function render() {
    const data = st.data;
    const status = $(".ra-status");
    const same = checkedSame();
    let state = "empty";
    let label = data.empty_label || "No draft yet";
    if (data.enabled) {
      if (st.inflight) {
        state = "checking";
        label = "Checking…";
      } else if (!same) {
        state = "unchecked";
        label = "Not yet checked";
      } else if (data.report.verdict === "pass") {
        const warns = data.report.violations.filter((v) => v.severity === "warn").length;
        state = "pass";
        label = `Checked: passes${warns ? ` (${warns} warning${warns === 1 ? "" : "s"})` : ""}`;
      } else {
        state = "block";
        const rules = Array.from(new Set(data.report.violations
          .filter((v) => v.severity === "block").map((v) => v.rule))).sort();
        label = `Blocked: ${rules.join(", ")}`;
      }
    }
    status.dataset.state = state;
    status.textContent = label;
    const violations = data.enabled && same ? data.report.violations : [];
    renderHighlights(violations);
    renderViolations(violations);
    $(".ra-override").hidden = !(data.enabled && same && data.report.verdict === "block");
    root.querySelectorAll(".ra-actions button").forEach((button) => {
      button.disabled = !data.enabled || Boolean(st.inflight);
    });
  }

  function syncScroll() {
    const backdrop = $(".ra-backdrop");
    backdrop.scrollTop = box.scrollTop;
    backdrop.scrollLeft = box.scrollLeft;
  }

  function fallbackCopy(text) {
    // Without the async clipboard (a page served over plain http to another machine): the old command,
    // which needs a user gesture; when the browser refuses, the checked text is selected for Ctrl+C.
    const scratch = document.createElement("textarea");
    scratch.value = text;
    scratch.setAttribute("readonly", "");
    scratch.style.position = "fixed";
    scratch.style.opacity = "0";
    document.body.appendChild(scratch);
    scratch.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    scratch.remove();
    return ok;
  }

  function send(kind) {
    if (!st.data.enabled) return;
    if (st.inflight) {
      // A check in flight gives way to a click; a copy or send in flight is never sent twice.
      const busy = st.pending.get(st.inflight);
      if (!busy || busy.kind !== "check") return;
      st.pending.delete(st.inflight);
    }
    clearTimeout(st.timer);
    const text = box.value;
    const nonce = newNonce();
    const overrideOn = $(".ra-override-on").checked && checkedSame();
    const pending = { kind, text };
    if (kind === "copy" || kind === "copy_next") {
      pending.released = new Promise((resolve, reject) => { pending.resolve = resolve; pending.reject = reject; });
      pending.released.catch(() => {});
      if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
        try {
          const blob = pending.released.then((released) => new Blob([released], { type: "text/plain" }));
          const item = new ClipboardItem({ "text/plain": blob });
          pending.written = navigator.clipboard.write([item]);
        } catch (error) {
          pending.written = null;
        }
      }
    }
    st.pending.set(nonce, pending);
    st.inflight = nonce;
    setTimeout(() => {
      if (st.inflight === nonce) {
        st.inflight = null;
        const lost = st.pending.get(nonce);
        st.pending.delete(nonce);
        if (lost && lost.reject) lost.reject(new Error("no answer"));
        showMessage("No answer from the app: nothing was copied or sent. Try again.", false);
        render();
      }
    }, ANSWER_TIMEOUT_MS);
    render();
    setTriggerValue("action", {
      kind, nonce, text, override: overrideOn, reason: overrideOn ? $(".ra-reason").value : "",
      confirmed: st.confirmed || [],
    });
  }

  function settle(pending, answer) {
    if (!pending.resolve) return;
    if (!(answer.allowed && typeof answer.text === "string")) {
      pending.reject(new Error("not released"));
      return;
    }
    // A trigger sent right after this one (the agent's next click) replaces it if the app has not started its
    // run yet, so every later action carries the last confirmations too; the app records each copy once.
    const confirm = (ok) => {
      st.confirmed = [...(st.confirmed || []), { kind: ok ? "copied" : "copy_failed", nonce: answer.nonce }].slice(-20);
      setTriggerValue("action", { kind: ok ? "copied" : "copy_failed", nonce: answer.nonce, confirmed: st.confirmed });
    };
    if (pending.written) {
      pending.resolve(answer.text);
      pending.written.then(() => confirm(true)).catch(() => {
        const ok = fallbackCopy(answer.text);
        if (!ok) selectBox();
        confirm(ok);
      });
      return;
    }
    pending.resolve(answer.text);
    const write = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(answer.text) : Promise.reject(new Error("no clipboard"));
    write.then(() => confirm(true)).catch(() => {
      const ok = fallbackCopy(answer.text);
      if (!ok) selectBox();
      confirm(ok);
    });
  }

  // New text from the app (a new draft, a restored or reopened case, an empty case): replace the box.
  if (st.version !== d.version) {
    st.version = d.version;
    st.text = d.text || "";
    box.value = st.text;
    box.scrollTop = 0;
    $(".ra-override-on").checked = false;
    $(".ra-reason").value = "";
    st.override = false;
    st.reason = "";
    if (!d.answer) showMessage("", true);
  } else if (fresh) {
    // A rebuilt element: put back the agent's text, cursor and override exactly as they were.
    box.value = st.text;
    $(".ra-override-on").checked = Boolean(st.override);
    $(".ra-reason").value = st.reason || "";
    if (st.focused) {
      box.focus();
      box.setSelectionRange(st.selection[0], st.selection[1]);
    }
  }
  box.dataset.version = String(d.version);  // tests wait for a new version after Draft
  box.disabled = !d.enabled;
  box.placeholder = d.placeholder || "";
  box.style.setProperty("--ra-height", d.height || "22rem");
  $(".ra-origin").textContent = (d.origin && d.origin.label) || "";
  $(".ra-origin-detail").textContent = (d.origin && d.origin.detail) || "";

  const answer = d.answer;
  if (answer && !st.handled.has(answer.nonce)) {
    st.handled.add(answer.nonce);
    if (st.inflight === answer.nonce) st.inflight = null;
    const pending = st.pending.get(answer.nonce);
    if (pending) {
      st.pending.delete(answer.nonce);
      settle(pending, answer);
    }
    if (answer.message) showMessage(answer.message, answer.allowed);
    if (answer.kind === "copy_next" && answer.allowed) focusMessage();
  }

  // Handlers are replaced on every render so they always see the latest data.
  root.querySelectorAll(".ra-actions button").forEach((button) => {
    button.onclick = () => send(button.dataset.action);
  });
  const remember = () => {
    st.text = box.value;
    st.selection = [box.selectionStart, box.selectionEnd];
  };
  box.onfocus = () => { st.focused = true; };
  box.onblur = () => { st.focused = false; };
  box.onselect = remember;
  box.onkeyup = remember;
  box.onclick = remember;
  $(".ra-override-on").onchange = (event) => { st.override = event.target.checked; };
  $(".ra-reason").oninput = (event) => { st.reason = event.target.value; };
  box.oninput = () => {
    remember();
    clearTimeout(st.timer);
    st.timer = setTimeout(() => send("check"), CHECK_PAUSE_MS);
    render();
  };
  box.onscroll = syncScroll;
  box.onkeydown = (event) => {
    if (event.key === "Enter" && isMod(event) && !event.shiftKey && !event.altKey) {
      // Ctrl+Enter in the draft box checks it; it must not reach the page's Draft shortcut.
      event.preventDefault();
      event.stopPropagation();
      send("check");
    }
  };
  if (st.keys) document.removeEventListener("keydown", st.keys, true);
  st.keys = (event) => {
    if (event.key !== "Enter" || !isMod(event)) return;
    if (event.shiftKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      send("copy");
    } else if (event.altKey && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      send("copy_next");
    }
  };
  document.addEventListener("keydown", st.keys, true);
  render();
  if (d.focus_version && st.focused !== d.focus_version) {
    st.focused = d.focus_version;
    if (d.focus === "message") focusMessage();
  }
  return () => {
    document.removeEventListener("keydown", st.keys, true);
  };
}
