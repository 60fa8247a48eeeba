"""Evals page: start an offline or model eval run, follow it, read a report, compare two runs."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.ui import chrome, eval_jobs, evals_view, state

me = state.identity()  # stops the page when nobody is signed in
with state.stop_on_error():
    settings = state.get_settings()
chrome.header("Evals", me, settings)
directory = evals_view.runs_dir(settings)

with st.container(border=True):
    st.markdown("**Start a run** on the reference cases (the same as `reply-assistant eval`)")
    left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
    model_ok = eval_jobs.model_available(settings)
    kind = left.radio("Drafter", ["offline", "model"], horizontal=True, key="evals_kind",
                      format_func=lambda k: "Offline composer" if k == "offline" else "Model",
                      help=None if model_ok else "No model is configured: see the Settings page.")
    limit = middle.number_input("Cases (0 = all)", min_value=0, max_value=10_000, value=0, step=10,
                                key="evals_limit")
    busy = any(job.running for job in eval_jobs.jobs())
    if right.button("Start run", type="primary", key="evals_start", width="stretch",
                    disabled=busy or (kind == "model" and not model_ok)):
        try:
            eval_jobs.start(settings, kind, started_by=me.name, limit=int(limit) or None)
        except AssistantError as exc:
            st.error(str(exc))


@st.fragment(run_every=1.0)
def progress() -> None:
    for job in eval_jobs.jobs()[:3]:
        what = f"Run {job.id} ({job.kind}, started by {job.started_by})"
        if job.running:
            st.progress(job.progress, text=f"{what}: {job.done} of {job.total} drafts scored")
        elif job.error:
            st.error(f"{what} failed: {job.error}")
        else:
            verdict = "all thresholds hold" if job.thresholds_passed else "UNDER THRESHOLD"
            st.success(f"{what} finished: {job.folder.name if job.folder else ''} ({verdict})")
    if not any(job.running for job in eval_jobs.jobs()) and st.session_state.get("_evals_watching"):
        st.session_state["_evals_watching"] = False
        st.rerun()  # the whole page, so the new run appears in the lists below
    if any(job.running for job in eval_jobs.jobs()):
        st.session_state["_evals_watching"] = True


progress()

runs = evals_view.list_runs(directory)
if not runs:
    st.info(f"No eval runs yet in {directory}.")
    st.stop()
names = {evals_view.run_name(path): path for path in runs}
mode = st.radio("Show", ["One report", "Compare two runs"], horizontal=True, key="evals_mode")
try:
    if mode == "One report":
        name = st.selectbox("Run", list(names), key="evals_run")
        report = evals_view.report_text(names[name])
        # The report is Markdown written by the eval runner; Streamlit's Markdown does not render raw HTML.
        st.markdown(report) if report else st.json(evals_view.load(names[name]))
    elif len(names) < 2:
        st.info("Only one run on disk: start another run to compare.")
    else:
        left, right = st.columns(2)
        a = left.selectbox("Baseline run", list(names), index=1, key="evals_a")
        b = right.selectbox("Candidate run", list(names), index=0, key="evals_b")
        run_a, run_b = evals_view.load(names[a]), evals_view.load(names[b])
        only_a, only_b = eval_jobs.case_sets(run_a, run_b)
        if only_a or only_b:
            st.warning(f"The two runs cover different cases ({len(only_a)} only in the baseline, {len(only_b)} only "
                       "in the candidate): their totals are not comparable; compare the flipped cases instead.")
        for column, name in ((left, a), (right, b)):
            with column:
                report = evals_view.report_text(names[name])
                with st.expander(f"Report of {name}"):
                    st.markdown(report or "(no report.md)")
        st.markdown(evals_view.compare(run_a, run_b))
except (AssistantError, OSError, ValueError, KeyError) as exc:
    st.error(f"Could not read the eval run: {exc}")
