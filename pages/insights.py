"""Insights page: cases by scenario per week and month, frequent complaints, blocked drafts by rule."""

from __future__ import annotations

import streamlit as st

from assistant.ui import access, chrome, insights, state

me = state.identity()  # stops the page when nobody is signed in
with state.stop_on_error():
    settings = state.get_settings()
    store = state.get_store(settings)
chrome.header("Insights", me, settings)
st.caption("The playbook advises summarising problems every week and month: what buyers complain about, "
           "and which guardrails stop drafts." + ("" if me.is_lead else " These figures cover your own cases."))
stats = store.stats(agent=access.agent_filter(me))
if stats.total_cases == 0:
    st.info("No cases yet: insights appear once drafts are made on the Reply page.")
    st.stop()

a, b, c = st.columns(3)
a.metric("Cases", stats.total_cases)
b.metric("Drafts checked", stats.checks)
c.metric("Blocked", f"{stats.blocked_share:.0%}", help=f"{stats.blocked} of {stats.checks} checks blocked")

period = st.radio("Cases by scenario per", ["week", "month"], horizontal=True, key="insights_period")
frame = insights.period_frame(stats.by_week if period == "week" else stats.by_month)
st.bar_chart(frame)
st.dataframe(frame, width="stretch")

left, right = st.columns(2)
scenarios, words = insights.complaint_frames(stats)
with left:
    st.subheader("Most frequent complaints", anchor=False)
    st.dataframe(scenarios, hide_index=True, width="stretch")
    st.dataframe(words, hide_index=True, width="stretch")
with right:
    st.subheader("Blocked drafts by rule", anchor=False)
    if stats.blocked_by_rule:
        rules = insights.rule_frame(stats)
        st.bar_chart(rules, x="rule", y="blocked drafts")
        st.dataframe(rules, hide_index=True, width="stretch")
    else:
        st.text("No draft has been blocked.")
