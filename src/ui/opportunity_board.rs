//! The pipeline: every opportunity, grouped by stage in the order a search moves through them.

use leptos::prelude::*;

use super::common::{ShowMore, PAGE};
use super::route::Route;
use super::state::use_app;
use crate::domain::{OpportunityId, Stage};

#[derive(Debug, Clone, PartialEq)]
struct Card {
    id: OpportunityId,
    role: String,
    company: String,
    since: String,
}

/// The board of opportunities by stage.
#[component]
pub fn OpportunityBoard() -> impl IntoView {
    let app = use_app();
    let columns = Memo::new(move |_| {
        app.records.with(|r| {
            r.board()
                .into_iter()
                .map(|(stage, list)| {
                    let cards = list
                        .into_iter()
                        .map(|o| Card {
                            id: o.id,
                            role: o.role.clone(),
                            company: o.company.clone(),
                            since: o.stage_since().map(|d| d.format("%-d %b %Y").to_string()).unwrap_or_default(),
                        })
                        .collect::<Vec<_>>();
                    (stage, cards)
                })
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| app.records.with(|r| r.opportunities.len()));
    view! {
        <div class="screen-head">
            <h1>"Opportunities"</h1>
            <a class="button primary" href=Route::NewOpportunity.href()>"Add opportunity"</a>
        </div>
        <Show when=move || total.get() == 0>
            <p class="empty">"No opportunities yet. Add a job you are interested in, applied for or were approached about."</p>
        </Show>
        <div class="board">
            {move || columns.get().into_iter().map(|(stage, cards)| view! { <BoardColumn stage=stage cards=cards /> }).collect_view()}
        </div>
    }
}

#[component]
fn BoardColumn(stage: Stage, cards: Vec<Card>) -> impl IntoView {
    let heading_id = format!("stage-{}", stage.key());
    let labelled_by = heading_id.clone();
    let count = cards.len();
    let shown = RwSignal::new(PAGE);
    let cards = StoredValue::new(cards);
    view! {
        <section class="column" class:inactive=!stage.is_active() aria-labelledby=labelled_by>
            <h2 id=heading_id>{stage.label()} <span class="count">" (" {count} ")"</span></h2>
            <ul>
                {move || cards.with_value(|all| all.iter().take(shown.get()).cloned().collect::<Vec<_>>()).into_iter().map(|c| view! {
                    <li class="card">
                        <a href=Route::Opportunity(c.id).href()>{c.role}</a>
                        <span>{c.company}</span>
                        <span class="since">"since " {c.since}</span>
                    </li>
                }).collect_view()}
            </ul>
            <ShowMore shown=shown total=count />
        </section>
    }
}
