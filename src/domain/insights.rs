//! The numbers behind the Insights screen: follow-ups done against follow-ups due, week by
//! week; the pipeline by stage; and how often people reply.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::conversation::Direction;
use super::follow_up::marks::Outcome;
use super::follow_up::Agenda;
use super::opportunity::Stage;
use super::records::Records;

/// One week's follow-ups (weeks start on Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekTally {
    pub starts: NaiveDate,
    /// Messages I sent (every outreach answers a follow-up) and steps ticked done without one.
    pub done: usize,
    /// What came up that week: what was done, what was skipped, and what is still open from it.
    pub due: usize,
}

/// How many opportunities are at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageCount {
    pub stage: Stage,
    pub count: usize,
}

/// Everything the Insights screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insights {
    /// The last `weeks` weeks, oldest first, the current week last.
    pub weeks: Vec<WeekTally>,
    /// Every stage in board order, with its count (zero included).
    pub pipeline: Vec<StageCount>,
    /// Conversations I started.
    pub outreaches: usize,
    /// Of those, how many got an answer: the next conversation with that person was theirs
    /// (they wrote, or we met), not another message from me.
    pub answered: usize,
}

impl Insights {
    /// The share of outreaches answered, 0 to 100; `None` before the first outreach.
    pub fn response_rate(&self) -> Option<u32> {
        (self.outreaches > 0).then(|| ((self.answered * 100 + self.outreaches / 2) / self.outreaches) as u32)
    }
}

/// The Monday of the week `day` falls in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The insights over `records` for the `weeks` weeks up to and including the one `now` is in.
/// `agenda` is the current agenda (its open follow-ups count as due in the week of their due
/// date; one due later this week counts this week).
pub fn insights(records: &Records, agenda: &Agenda, now: NaiveDateTime, weeks: usize) -> Insights {
    let this_week = week_start(now.date());
    let first = this_week - Duration::weeks(weeks.saturating_sub(1) as i64);
    let mut tallies: Vec<WeekTally> =
        (0..weeks).map(|i| WeekTally { starts: first + Duration::weeks(i as i64), done: 0, due: 0 }).collect();
    let slot = |at: NaiveDateTime| -> Option<usize> {
        let day = at.date();
        (day >= first && at <= now).then(|| ((day - first).num_days() / 7) as usize)
    };
    let mut count = |at: NaiveDateTime, done: bool| {
        if let Some(t) = slot(at).and_then(|i| tallies.get_mut(i)) {
            t.done += usize::from(done);
            t.due += 1;
        }
    };
    for c in records.conversations.iter().filter(|c| c.direction == Direction::IReachedOut) {
        count(c.at, true);
    }
    for m in &records.marks {
        match m.outcome {
            Outcome::Done => count(m.at, true),
            Outcome::Skipped { .. } => count(m.at, false),
            Outcome::Snoozed { .. } => {}
        }
    }
    let week_end = this_week + Duration::days(7);
    for f in &agenda.items {
        let day = f.due.date();
        if day >= first && day < week_end {
            if let Some(t) = tallies.get_mut(((day - first).num_days() / 7) as usize) {
                t.due += 1;
            }
        }
    }

    let pipeline = Stage::ALL
        .iter()
        .map(|&stage| StageCount { stage, count: records.opportunities.iter().filter(|o| o.stage() == stage).count() })
        .collect();

    let mut by_person: Vec<(&super::ContactId, NaiveDateTime, Direction)> =
        records.conversations.iter().map(|c| (&c.contact_id, c.at, c.direction)).collect();
    by_person.sort();
    let outreaches = by_person.iter().filter(|c| c.2 == Direction::IReachedOut).count();
    let answered = by_person
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].2 == Direction::IReachedOut && w[1].2 != Direction::IReachedOut)
        .count();
    Insights { weeks: tallies, pipeline, outreaches, answered }
}
