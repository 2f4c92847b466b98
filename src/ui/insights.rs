//! Insights: a weekly chart of follow-ups done against due, the pipeline by stage and the
//! response rate, drawn as SVG with a table of the same figures for screen readers.

use leptos::prelude::*;

use super::state::use_app;
use crate::domain::insights::{insights, Insights, StageCount, WeekTally};

/// How many weeks the chart covers.
const WEEKS: usize = 12;

/// The Insights screen.
#[component]
pub fn InsightsScreen() -> impl IntoView {
    let app = use_app();
    let data: Memo<Insights> =
        Memo::new(move |_| app.agenda.with(|a| app.records.with(|r| insights(r, a, app.now.get(), WEEKS))));
    view! {
        <h1>"Insights"</h1>
        <ResponseRate data=data />
        <h2 id="weekly-heading">"Follow-ups, week by week"</h2>
        <p class="hint">"Done: messages you sent and steps you ticked. Due: what came up that week, done or not."</p>
        {move || data.with(|d| weekly_chart(&d.weeks))}
        <h2 id="pipeline-heading">"Pipeline"</h2>
        {move || data.with(|d| pipeline_chart(&d.pipeline))}
    }
}

/// "42% of your messages got an answer", in words and figures.
#[component]
fn ResponseRate(data: Memo<Insights>) -> impl IntoView {
    move || {
        data.with(|d| match d.response_rate() {
            Some(rate) => view! {
                <p class="big-figure">
                    <strong>{format!("{rate}%")}</strong>
                    {format!(" response rate: {} of your {} got an answer.", d.answered, count(d.outreaches, "outreach", "outreaches"))}
                </p>
            }
            .into_any(),
            None => view! { <p class="empty">"No outreaches logged yet: the response rate appears after your first message."</p> }
                .into_any(),
        })
    }
}

/// The largest value an axis shows: four equal round steps reaching at least `max`, so the
/// four grid lines fall on whole numbers (0, 5, 10, 15, 20).
fn axis_top(max: usize) -> usize {
    let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000]
        .into_iter()
        .find(|s| s * 4 >= max)
        .unwrap_or(max.div_ceil(4));
    step * 4
}

/// "1 follow-up", "2 follow-ups".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn weekly_chart(weeks: &[WeekTally]) -> AnyView {
    let (width, height, left, bottom, top) = (640.0, 220.0, 36.0, 28.0, 10.0);
    let most = axis_top(weeks.iter().map(|w| w.due.max(w.done)).max().unwrap_or(0));
    let plot_h = height - bottom - top;
    let slot = (width - left) / weeks.len().max(1) as f64;
    let bar = slot * 0.36;
    let y = move |v: usize| top + plot_h - plot_h * v as f64 / most as f64;
    let grid: Vec<usize> = (0..=4).map(|i| most * i / 4).collect();
    let total_done: usize = weeks.iter().map(|w| w.done).sum();
    let total_due: usize = weeks.iter().map(|w| w.due).sum();
    let summary = format!(
        "Over the last {} weeks: {} done, {total_due} due. Bars per week: done (solid), due (outlined).",
        weeks.len(),
        count(total_done, "follow-up", "follow-ups")
    );
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let x = left + slot * i as f64 + slot * 0.12;
            let label = w.starts.format("%-d %b").to_string();
            view! {
                <g>
                    <rect class="bar-due" x=x y=y(w.due) width=bar height=(y(0) - y(w.due)).max(0.0) />
                    <rect class="bar-done" x=x + bar width=bar y=y(w.done) height=(y(0) - y(w.done)).max(0.0) />
                    {(i % 2 == 1 || weeks.len() <= 6).then(|| view! {
                        <text class="axis-label" x=x + bar y=height - 8.0 text-anchor="middle">{label}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let rows = weeks
        .iter()
        .map(|w| {
            view! {
                <tr>
                    <th scope="row">{format!("Week of {}", w.starts.format("%-d %b %Y"))}</th>
                    <td>{w.done}</td>
                    <td>{w.due}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby="weekly-heading weekly-summary" focusable="false">
                {grid.iter().map(|v| view! {
                    <line class="grid" x1=left x2=width y1=y(*v) y2=y(*v) />
                    <text class="axis-label" x=left - 6.0 y=y(*v) + 4.0 text-anchor="end">{*v}</text>
                }).collect_view()}
                {bars}
            </svg>
            <figcaption id="weekly-summary">
                {summary}
                <span class="legend"><span class="swatch done"></span>"Done"</span>
                <span class="legend"><span class="swatch due"></span>"Due"</span>
            </figcaption>
            <details>
                <summary>"Show the figures as a table"</summary>
                <table class="figures">
                    <caption class="visually-hidden">"Follow-ups done and due per week"</caption>
                    <thead><tr><th scope="col">"Week"</th><th scope="col">"Done"</th><th scope="col">"Due"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}

fn pipeline_chart(stages: &[StageCount]) -> AnyView {
    let total: usize = stages.iter().map(|s| s.count).sum();
    if total == 0 {
        return view! { <p class="empty">"No opportunities yet: add one and the pipeline shows where each stands."</p> }
            .into_any();
    }
    let (width, row, label_w) = (640.0, 30.0, 230.0);
    let most = stages.iter().map(|s| s.count).max().unwrap_or(1).max(1);
    let height = row * stages.len() as f64;
    let bars = stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = row * i as f64;
            let w = (width - label_w - 40.0) * s.count as f64 / most as f64;
            view! {
                <g>
                    <text class="axis-label" x=label_w - 8.0 y=y + row * 0.62 text-anchor="end">{s.stage.label()}</text>
                    <rect class="bar-done" x=label_w y=y + 5.0 width=w height=row - 10.0 />
                    <text class="axis-label" x=label_w + w + 6.0 y=y + row * 0.62>{s.count}</text>
                </g>
            }
        })
        .collect_view();
    let summary: Vec<String> =
        stages.iter().filter(|s| s.count > 0).map(|s| format!("{}: {}", s.stage.label(), s.count)).collect();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby="pipeline-heading pipeline-summary" focusable="false">
                {bars}
            </svg>
            <figcaption id="pipeline-summary">{format!("{}. {}.", count(total, "opportunity", "opportunities"), summary.join(", "))}</figcaption>
        </figure>
    }
    .into_any()
}
