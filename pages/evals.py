"""Evals page: the eval runs on disk, one report, or two runs compared side by side."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.ui import evals_view, state

st.title("Evals")
with state.stop_on_error():
    directory = evals_view.runs_dir(state.get_settings())
runs = evals_view.list_runs(directory)
if not runs:
    st.info(f"No eval runs yet. Run `reply-assistant eval` to write one under {directory}.")
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
        st.info("Only one run on disk: run the evals again to compare.")
    else:
        left, right = st.columns(2)
        a = left.selectbox("Baseline run", list(names), index=1, key="evals_a")
        b = right.selectbox("Candidate run", list(names), index=0, key="evals_b")
        run_a, run_b = evals_view.load(names[a]), evals_view.load(names[b])
        for column, name in ((left, a), (right, b)):
            with column:
                report = evals_view.report_text(names[name])
                with st.expander(f"Report of {name}"):
                    st.markdown(report or "(no report.md)")
        st.markdown(evals_view.compare(run_a, run_b))
except (AssistantError, OSError, ValueError, KeyError) as exc:
    st.error(f"Could not read the eval run: {exc}")
