//! The guide's timelines as rules: from the records and the current time to the agenda.
//!
//! Each rule proposes at most one follow-up per thread (a person, or a person and an
//! opportunity); the soonest due proposal of each thread is the one shown. A step is done
//! once I reach out to that person after the event that caused it (any logged outbound
//! conversation counts), or once it is marked done or skipped.

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::key::{thread_of, Anchor, Key};
use super::marks::{Mark, Outcome};
use super::reason::{Day, DayTime, Reason};
use super::{Agenda, FollowUp, Rule, Settings, Stopped};
use crate::domain::company::CompanyKey;
use crate::domain::contact::{Contact, ContactId, MomentKind};
use crate::domain::conversation::{CheckBack, Conversation, Direction, Topic};
use crate::domain::id::{FastMap, FastSet};
use crate::domain::opportunity::{Opportunity, OpportunityId, Part, Source, Stage};
use crate::domain::records::Records;

type Thread = (Option<ContactId>, Option<OpportunityId>);

/// A window covering one whole day: from its start to 23:59.
fn whole_day(day: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    (day.and_time(NaiveTime::MIN), day.and_time(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(NaiveTime::MIN)))
}

fn hours(h: u32) -> Duration {
    Duration::hours(i64::from(h))
}

fn days(d: u32) -> Duration {
    Duration::days(i64::from(d))
}

fn day_words(t: NaiveDateTime) -> String {
    Day(t.date()).to_string()
}

/// Everything the rules look things up in, indexed once.
struct Facts<'a> {
    records: &'a Records,
    settings: &'a Settings,
    /// Each person's position in `records.contacts`.
    contacts: FastMap<ContactId, u32>,
    opportunities: FastMap<OpportunityId, &'a Opportunity>,
    /// Every person's conversations, oldest first, one person after another: person `i`'s
    /// are `talk_list[talk_start[i]..talk_start[i + 1]]`. One list instead of a list per
    /// person: at 30,000 people the 30,000 small lists cost as much as all the rules.
    talk_start: Vec<u32>,
    talk_list: Vec<&'a Conversation>,
    /// The interviews logged for each opportunity.
    interviews: FastMap<OpportunityId, Vec<&'a Conversation>>,
    marks: FastMap<&'a str, &'a Mark>,
    /// The threads that have a mark: only their keys are worth writing out to look one up.
    marked: FastSet<Thread>,
}

impl<'a> Facts<'a> {
    fn new(records: &'a Records) -> Self {
        let contacts: FastMap<ContactId, u32> =
            records.contacts.iter().enumerate().map(|(i, c)| (c.id, i as u32)).collect();
        let opportunities = records.opportunities.iter().map(|o| (o.id, o)).collect();
        let mut interviews: FastMap<OpportunityId, Vec<&Conversation>> = FastMap::default();
        // Counting sort by person: count, turn counts into starts, then place.
        let owner: Vec<u32> =
            records.conversations.iter().map(|c| contacts.get(&c.contact_id).copied().unwrap_or(u32::MAX)).collect();
        let mut talk_start = vec![0u32; records.contacts.len() + 1];
        for &i in owner.iter().filter(|&&i| i != u32::MAX) {
            talk_start[i as usize + 1] += 1;
        }
        for i in 1..talk_start.len() {
            talk_start[i] += talk_start[i - 1];
        }
        let mut next: Vec<u32> = talk_start.clone();
        let mut slots: Vec<Option<&Conversation>> = vec![None; talk_start.last().copied().unwrap_or(0) as usize];
        for (c, &i) in records.conversations.iter().zip(&owner) {
            if let (Topic::Interview, Some(o)) = (c.topic, c.opportunity_id) {
                interviews.entry(o).or_default().push(c);
            }
            if i != u32::MAX {
                slots[next[i as usize] as usize] = Some(c);
                next[i as usize] += 1;
            }
        }
        // Every slot was filled: each person's count was its number of placements.
        let mut talk_list: Vec<&Conversation> = slots.into_iter().flatten().collect();
        for w in talk_start.windows(2) {
            let list = &mut talk_list[w[0] as usize..w[1] as usize];
            if !list.is_sorted_by_key(|c| (c.at, c.created_at)) {
                list.sort_by_key(|c| (c.at, c.created_at));
            }
        }
        // Later marks for the same key win.
        let marks = records.marks.iter().map(|m| (m.key.as_str(), m)).collect();
        let marked = records.marks.iter().filter_map(|m| thread_of(&m.key)).collect();
        Self {
            records,
            settings: &records.settings,
            contacts,
            opportunities,
            talk_start,
            talk_list,
            interviews,
            marks,
            marked,
        }
    }

    fn contact(&self, id: ContactId) -> Option<&'a Arc<Contact>> {
        self.contacts.get(&id).and_then(|&i| self.records.contacts.shared().get(i as usize))
    }

    fn active(&self, id: ContactId) -> Option<&'a Arc<Contact>> {
        self.contact(id).filter(|c| !c.archived)
    }

    fn name(&self, id: ContactId) -> &'a str {
        self.contact(id).map_or("(deleted)", |c| c.name.as_str())
    }

    fn talks(&self, id: ContactId) -> &[&'a Conversation] {
        match self.contacts.get(&id) {
            Some(&i) => self.talks_at(i as usize),
            None => &[],
        }
    }

    /// The conversations of the person at position `i` in `records.contacts`.
    fn talks_at(&self, i: usize) -> &[&'a Conversation] {
        let (start, end) = (self.talk_start[i] as usize, self.talk_start[i + 1] as usize);
        &self.talk_list[start..end]
    }

    /// Conversations with a person after `t` that concern `opp` (untagged ones concern everything).
    fn after(
        &self,
        id: ContactId,
        t: NaiveDateTime,
        opp: Option<OpportunityId>,
    ) -> impl Iterator<Item = &'a Conversation> + '_ {
        self.talks(id)
            .iter()
            .copied()
            .filter(move |c| c.at > t && (opp.is_none() || c.opportunity_id.is_none() || c.opportunity_id == opp))
    }

    /// The first time I reached out to the person after `t`.
    fn reached_out_after(&self, id: ContactId, t: NaiveDateTime, opp: Option<OpportunityId>) -> Option<NaiveDateTime> {
        self.after(id, t, opp).find(|c| c.direction == Direction::IReachedOut).map(|c| c.at)
    }

    /// Whether they wrote to me after `t`.
    fn heard_back_after(&self, id: ContactId, t: NaiveDateTime, opp: Option<OpportunityId>) -> bool {
        self.after(id, t, opp).any(|c| c.direction == Direction::TheyReachedOut)
    }

    /// The latest answer about checking back (a date, or a refusal) given at or after `t`.
    fn check_back_since(&self, id: ContactId, t: NaiveDateTime, opp: Option<OpportunityId>) -> CheckBack {
        self.talks(id)
            .iter()
            .rev()
            .filter(|c| c.at >= t && (opp.is_none() || c.opportunity_id.is_none() || c.opportunity_id == opp))
            .map(|c| c.check_back)
            .find(|answer| *answer != CheckBack::NotAsked)
            .unwrap_or(CheckBack::NotAsked)
    }

    /// The latest mark made on a step.
    fn mark(&self, key: &Key) -> Option<&'a Mark> {
        if self.marked.is_empty() || !self.marked.contains(&(key.contact, key.opportunity)) {
            return None;
        }
        self.marks.get(key.to_string().as_str()).copied()
    }

    /// The mark that closes a step (done or skipped), and when.
    fn closed(&self, key: &Key) -> Option<NaiveDateTime> {
        self.mark(key).and_then(|m| match m.outcome {
            Outcome::Done | Outcome::Skipped { .. } => Some(m.at),
            Outcome::Snoozed { .. } => None,
        })
    }

    fn people(&self, o: &Opportunity, parts: &[Part]) -> Vec<ContactId> {
        let mut ids: Vec<ContactId> = Vec::new();
        for i in &o.people {
            if parts.contains(&i.part) && self.active(i.contact_id).is_some() && !ids.contains(&i.contact_id) {
                ids.push(i.contact_id);
            }
        }
        ids
    }
}

/// Collects proposals, keeping the soonest due per thread.
struct Proposals<'f, 'a> {
    facts: &'f Facts<'a>,
    /// The proposals kept, at most one per thread; a better one replaces its thread's.
    kept: Vec<FollowUp>,
    /// Where each person's own thread (no opportunity) is in `kept`, by their position in
    /// `records.contacts`: most proposals are those, and a list is cheaper than a map.
    own_thread: Vec<u32>,
    /// Where every other thread is in `kept`.
    other_threads: FastMap<Thread, u32>,
    stopped: FastMap<Thread, Stopped>,
}

impl Proposals<'_, '_> {
    fn offer(&mut self, mut f: FollowUp) {
        match self.facts.mark(&f.key).map(|m| &m.outcome) {
            Some(Outcome::Done | Outcome::Skipped { .. }) => return,
            Some(Outcome::Snoozed { until }) => {
                let (start, end) = whole_day(*until);
                f.earliest = f.earliest.max(start);
                f.due = f.due.max(end);
            }
            None => {}
        }
        if self.facts.settings.skip_weekends {
            f.due = next_working_time(f.due);
        }
        f.earliest = f.earliest.min(f.due);
        // The quarterly check-in is the background rhythm: any other step with the same
        // person stands in for it, whatever its date.
        let rank = |x: &FollowUp| (x.rule == Rule::KeepInTouch, x.due, x.earliest);
        let slot = match self.own_position(f.thread()) {
            Some(i) => &mut self.own_thread[i],
            None => self.other_threads.entry(f.thread()).or_insert(u32::MAX),
        };
        match self.kept.get_mut(*slot as usize) {
            Some(current) if rank(current) <= rank(&f) => {}
            Some(current) => *current = f,
            None => {
                *slot = self.kept.len() as u32;
                self.kept.push(f);
            }
        }
    }

    /// Whether a step is kept for this thread.
    fn has_open(&self, thread: Thread) -> bool {
        match self.own_position(thread) {
            Some(i) => self.own_thread[i] != u32::MAX,
            None => self.other_threads.contains_key(&thread),
        }
    }

    /// The person's position, for their own thread (no opportunity) when they are known.
    fn own_position(&self, thread: Thread) -> Option<usize> {
        match thread {
            (Some(c), None) => self.facts.contacts.get(&c).map(|&i| i as usize),
            _ => None,
        }
    }

    fn stop(&mut self, contact: Option<ContactId>, opportunity: Option<OpportunityId>, rule: Rule, reason: String) {
        self.stopped.insert((contact, opportunity), Stopped { contact, opportunity, rule, reason });
    }
}

/// A weekend due time moves to Monday 09:00. Monday before 09:00 moves there too, so that a
/// later due time never maps to an earlier one.
fn next_working_time(t: NaiveDateTime) -> NaiveDateTime {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
    let monday = match t.weekday() {
        Weekday::Sat => t.date() + Duration::days(2),
        Weekday::Sun => t.date() + Duration::days(1),
        Weekday::Mon if t.time() < nine => t.date(),
        _ => return t,
    };
    monday.and_time(nine)
}

/// One step of a follow-up, its key derived from what identifies the step.
#[allow(clippy::too_many_arguments)]
fn ladder_step(
    rule: Rule,
    contact: Option<ContactId>,
    opportunity: Option<OpportunityId>,
    anchor: Anchor,
    step: u32,
    reason: Reason,
    (earliest, due): (NaiveDateTime, NaiveDateTime),
    cause: NaiveDateTime,
) -> FollowUp {
    FollowUp {
        key: key(rule, contact, opportunity, anchor, step),
        contact,
        opportunity,
        rule,
        reason,
        earliest,
        due,
        cause,
        step,
    }
}

fn key(rule: Rule, contact: Option<ContactId>, opportunity: Option<OpportunityId>, anchor: Anchor, step: u32) -> Key {
    Key { rule, contact, opportunity, anchor, step }
}

/// Every follow-up due now or later, soonest first, and the ladders that have ended.
///
/// The time is a parameter: the same records give the same agenda for the same `now`. Only
/// its date matters (see [`agenda_on`]).
pub fn agenda(records: &Records, now: NaiveDateTime) -> Agenda {
    agenda_on(records, now.date())
}

/// The agenda as of `today`. Every rule is anchored on what happened, not on the clock; only
/// personal moments (a birthday this month) look at the date. So the app recomputes it when
/// the records change or the day turns, not on every tick of its clock (at 30,000 people one
/// computation takes a noticeable fraction of a second).
pub fn agenda_on(records: &Records, today: NaiveDate) -> Agenda {
    let facts = Facts::new(records);
    let mut p = Proposals {
        facts: &facts,
        kept: Vec::with_capacity(records.contacts.len() * 5 / 4),
        own_thread: vec![u32::MAX; records.contacts.len()],
        other_threads: FastMap::default(),
        stopped: FastMap::default(),
    };
    let by_company = contacts_by_company(&facts);
    for o in &records.opportunities {
        opportunity_rules(&mut p, o, &by_company);
    }
    for (i, c) in records.contacts.shared().iter().enumerate().filter(|(_, c)| !c.archived) {
        person_rules(&mut p, c, facts.talks_at(i), today);
    }
    // A ladder that ended is not shown while its thread has an open step.
    let mut stopped: Vec<Stopped> =
        p.stopped.values().filter(|s| !p.has_open((s.contact, s.opportunity))).cloned().collect();
    let mut items = p.kept;
    soonest_first(&mut items);
    stopped.sort_by(|a, b| (&a.reason, a.contact, a.opportunity).cmp(&(&b.reason, b.contact, b.opportunity)));
    Agenda { items, stopped }
}

/// Sorts by due time, then earliest time, then key. The items are large, so their order is
/// found over small (time, time, index) triples, then each item is moved into place once.
fn soonest_first(items: &mut [FollowUp]) {
    let seconds = |t: NaiveDateTime| t.and_utc().timestamp();
    let mut order: Vec<(i64, i64, u64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, f)| (seconds(f.due), seconds(f.earliest), key_prefix(&f.key), i as u32))
        .collect();
    order.sort_unstable_by(|a, b| {
        (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)).then_with(|| items[a.3 as usize].key.cmp(&items[b.3 as usize].key))
    });
    // Position `i` takes the item now at `from[i]`: follow each cycle of that permutation,
    // swapping, and mark each position placed.
    let mut from: Vec<u32> = order.into_iter().map(|(_, _, _, i)| i).collect();
    for start in 0..from.len() {
        let mut current = start;
        while from[current] != u32::MAX {
            let next = from[current] as usize;
            from[current] = u32::MAX;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

/// A number ordered like the start of a key (its rule's name, then its person), so that
/// items due at the same moment rarely need their whole keys compared.
fn key_prefix(key: &Key) -> u64 {
    // No one ("-") sorts before every id; ids by their leading bits.
    let person = key.contact.map_or(0, |c| (c.raw() >> 70) as u64 + 1);
    (rule_rank(key.rule) << 59) | person
}

/// The rule's place in the order of the written keys (see [`super::key::rule_order`]).
const fn rule_rank(rule: Rule) -> u64 {
    match rule {
        Rule::ApplicationNudge => 0,
        Rule::ApplicationFollowUp => 1,
        Rule::CheckBack => 2,
        Rule::FilledThanks => 3,
        Rule::GivingBack => 4,
        Rule::InterviewCheckIn => 5,
        Rule::InterviewRepeat => 6,
        Rule::InterviewThankYou => 7,
        Rule::KeepInTouch => 8,
        Rule::NewContact => 9,
        Rule::OfferStep => 10,
        Rule::ReachIntroduced => 11,
        Rule::Reply => 12,
        Rule::ResumeShared => 13,
        Rule::TellOthers => 14,
        Rule::ThankHelpers => 15,
        Rule::ThankIntroducer => 16,
        Rule::WarmConnection => 17,
    }
}

/// The people (positions in `records.contacts`) at each company some active opportunity is
/// at: the warm connections to look among. Each distinct company text is read once (a
/// network has a few hundred companies for its thousands of people).
fn contacts_by_company(facts: &Facts) -> FastMap<CompanyKey, Vec<u32>> {
    let mut map: FastMap<CompanyKey, Vec<u32>> = facts
        .records
        .opportunities
        .iter()
        .filter(|o| o.stage().is_active())
        .filter_map(|o| CompanyKey::of(&o.company))
        .map(|k| (k, Vec::new()))
        .collect();
    if map.is_empty() {
        return map;
    }
    let mut seen: FastMap<&str, Option<CompanyKey>> = FastMap::default();
    for (i, c) in facts.records.contacts.iter().enumerate().filter(|(_, c)| !c.archived) {
        let key = seen
            .entry(c.company.as_str())
            .or_insert_with(|| CompanyKey::of(&c.company).filter(|k| map.contains_key(k)));
        if let Some(list) = key.as_ref().and_then(|k| map.get_mut(k)) {
            list.push(i as u32);
        }
    }
    map
}

// ---------------------------------------------------------------- opportunities

fn opportunity_rules(p: &mut Proposals, o: &Opportunity, by_company: &FastMap<CompanyKey, Vec<u32>>) {
    let Some(since) = o.stage_moment() else { return };
    let stage = o.stage();
    let interview = latest_interview(p.facts, o);
    match stage {
        Stage::Applied | Stage::Interested | Stage::Interviewing if interview.is_some() => {
            if let Some(t) = interview {
                interview_rules(p, o, t);
            }
        }
        Stage::Applied => application_rules(p, o, since),
        Stage::Offer => offer_rule(p, o, since),
        // Only the job most recently accepted: earlier acceptances belong to past searches.
        Stage::Accepted if latest_accepted(p.facts) == Some(o.id) => accepted_rules(p, o, since),
        Stage::Filled => filled_rule(p, o, since),
        _ => {}
    }
    if stage.is_active() {
        warm_connection_rule(p, o, by_company);
    }
}

fn latest_accepted(facts: &Facts) -> Option<OpportunityId> {
    facts
        .records
        .opportunities
        .iter()
        .filter(|o| o.stage() == Stage::Accepted)
        .max_by_key(|o| (o.stage_moment(), o.id))
        .map(|o| o.id)
}

fn latest_interview(facts: &Facts, o: &Opportunity) -> Option<NaiveDateTime> {
    facts.interviews.get(&o.id)?.iter().map(|c| c.at).max()
}

/// Walks a ladder of attempts: each step is done by the first outreach after the previous one
/// (or a done/skip mark). Returns the times of the attempts made so far; their count is the
/// open step's number.
fn climb(
    facts: &Facts,
    contact: Option<ContactId>,
    o: &Opportunity,
    anchor: NaiveDateTime,
    anchor_key: Anchor,
    rule_for: impl Fn(u32) -> Rule,
    cap: u32,
) -> Vec<NaiveDateTime> {
    let mut attempts = Vec::new();
    let mut last = anchor;
    while (attempts.len() as u32) < cap {
        let step = attempts.len() as u32;
        let outreach = contact.and_then(|c| facts.reached_out_after(c, last, Some(o.id)));
        let marked = facts.closed(&key(rule_for(step), contact, Some(o.id), anchor_key, step));
        // An attempt never counts as earlier than the one before it (a mark made ahead of a
        // future-dated event counts from the event).
        last = match (outreach, marked) {
            (Some(t), Some(m)) => last.max(t.min(m)),
            (Some(t), None) | (None, Some(t)) => last.max(t),
            (None, None) => break,
        };
        attempts.push(last);
    }
    attempts
}

/// The window of every step up to the open one, each no earlier than the one before, so that
/// making an attempt never brings the next one forward. `window(step, previous)` gives a
/// step's own window from the previous attempt (or the anchor).
fn open_window(
    anchor: NaiveDateTime,
    attempts: &[NaiveDateTime],
    mut window: impl FnMut(u32, NaiveDateTime) -> (NaiveDateTime, NaiveDateTime),
) -> (NaiveDateTime, NaiveDateTime) {
    let mut floor = anchor;
    let mut current = (anchor, anchor);
    for step in 0..=attempts.len() {
        let previous = if step == 0 { anchor } else { attempts[step - 1] };
        let (earliest, due) = window(step as u32, previous);
        let due = due.max(floor).max(previous);
        current = (earliest.max(previous).min(due), due);
        floor = due;
    }
    current
}

fn application_rules(p: &mut Proposals, o: &Opportunity, anchor: NaiveDateTime) {
    let s = p.facts.settings;
    let owners = p.facts.people(o, &[Part::Recruiter, Part::HiringManager]);
    let referrers = p.facts.people(o, &[Part::Referrer]);
    let resume_shared = o.source == Source::Referral;
    let targets: Vec<Option<ContactId>> = if resume_shared && !referrers.is_empty() {
        referrers.into_iter().map(Some).collect()
    } else if !owners.is_empty() {
        owners.into_iter().map(Some).collect()
    } else {
        vec![None]
    };
    let anchor_key = Anchor::Day(anchor.date());
    let first_rule = if resume_shared { Rule::ResumeShared } else { Rule::ApplicationFollowUp };
    let rule_for = |step: u32| if step == 0 { first_rule } else { Rule::ApplicationNudge };
    for who in targets {
        if who.is_some_and(|c| ladder_paused(p, c, anchor, o, Rule::ApplicationNudge)) {
            continue;
        }
        let attempts = climb(p.facts, who, o, anchor, anchor_key, rule_for, s.application_max_follow_ups);
        let step = attempts.len() as u32;
        let last = attempts.last().copied().unwrap_or(anchor);
        let whom = who.map_or_else(
            || format!("the recruiter or hiring manager for {}", o.title()),
            |c| p.facts.name(c).to_owned(),
        );
        if step >= s.application_max_follow_ups {
            p.stop(
                who,
                Some(o.id),
                Rule::ApplicationNudge,
                format!("Done following up: {} follow-ups to {whom} about {} got no answer. Put your energy into other opportunities.", step, o.title()),
            );
            continue;
        }
        let (earliest, due) = open_window(anchor, &attempts, |k, previous| {
            // A date agreed since the previous attempt sets the step.
            if let Some(agreed) = agreed_date(p.facts, who, previous, Some(o.id)) {
                return agreed;
            }
            match k {
                0 if resume_shared => (anchor + days(1), anchor + days(s.resume_shared_days)),
                0 => (anchor + hours(s.application_earliest_hours), anchor + hours(s.application_due_hours)),
                _ => (previous + days(s.nudge_earliest_days), previous + days(s.nudge_due_days)),
            }
        });
        let rule = rule_for(step);
        let reason = match rule {
            Rule::ResumeShared => format!(
                "Your resume was shared for {} on {}: follow up with {whom} within a week.",
                o.title(),
                day_words(anchor)
            ),
            Rule::ApplicationFollowUp => format!(
                "You applied for {} on {}: follow up with {whom} after 24-48 hours.",
                o.title(),
                day_words(anchor)
            ),
            _ => format!(
                "No answer from {whom} since your follow-up on {} about {}: one more nudge 1-2 weeks later ({} of {}).",
                day_words(last),
                o.title(),
                step + 1,
                s.application_max_follow_ups
            ),
        };
        p.offer(ladder_step(rule, who, Some(o.id), anchor_key, step, reason.into(), (earliest, due), last));
    }
}

/// Whether a ladder with a person waits: they wrote back since `since` (the reply rule takes
/// over), or they asked not to be chased (recorded as stopped, so it shows).
fn ladder_paused(p: &mut Proposals, c: ContactId, since: NaiveDateTime, o: &Opportunity, rule: Rule) -> bool {
    if p.facts.heard_back_after(c, since, Some(o.id)) {
        return true;
    }
    if p.facts.check_back_since(c, since, Some(o.id)) == CheckBack::Declined {
        let reason = format!("{} asked you not to check back about {}.", p.facts.name(c), o.title());
        p.stop(Some(c), Some(o.id), rule, reason);
        return true;
    }
    false
}

/// A check-back date they agreed to replaces the default window for the next step.
fn agreed_date(
    facts: &Facts,
    who: Option<ContactId>,
    after: NaiveDateTime,
    opp: Option<OpportunityId>,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let c = who?;
    match facts.check_back_since(c, after, opp) {
        CheckBack::Allowed { on: Some(day) } => {
            let (start, end) = whole_day(day);
            // Never earlier than the event itself.
            Some((start.max(after), end.max(after)))
        }
        _ => None,
    }
}

fn interview_rules(p: &mut Proposals, o: &Opportunity, at: NaiveDateTime) {
    let s = p.facts.settings;
    let panel: Vec<ContactId> = {
        let mut ids = Vec::new();
        for c in p.facts.interviews.get(&o.id).into_iter().flatten() {
            if c.at.date() == at.date() && p.facts.active(c.contact_id).is_some() && !ids.contains(&c.contact_id) {
                ids.push(c.contact_id);
            }
        }
        ids
    };
    let owners = p.facts.people(o, &[Part::Recruiter, Part::HiringManager]);
    let helpers = p.facts.people(o, &[Part::Referrer, Part::Helped]);
    let ladder: Vec<ContactId> = if owners.is_empty() { panel.clone() } else { owners.clone() };
    let anchor_key = Anchor::minute(at);
    let mut everyone = panel.clone();
    for c in owners.iter().chain(helpers.iter()) {
        if !everyone.contains(c) {
            everyone.push(*c);
        }
    }
    for c in everyone {
        let who = Some(c);
        if ladder_paused(p, c, at, o, Rule::InterviewRepeat) {
            continue;
        }
        let part = if panel.contains(&c) {
            "interviewing you"
        } else if owners.contains(&c) {
            "setting up the interview"
        } else {
            "helping you get the interview"
        };
        let thanks_key = key(Rule::InterviewThankYou, who, Some(o.id), anchor_key, 0);
        let thanked =
            p.facts.reached_out_after(c, at, Some(o.id)).or_else(|| p.facts.closed(&thanks_key)).map(|t| t.max(at));
        let Some(thanked) = thanked else {
            p.offer(FollowUp {
                key: thanks_key,
                contact: who,
                opportunity: Some(o.id),
                rule: Rule::InterviewThankYou,
                reason: Reason::Text(format!(
                    "Interview for {} on {}: thank {} for {part} within 24 hours.",
                    o.title(),
                    DayTime(at),
                    p.facts.name(c)
                )),
                earliest: at,
                due: at + hours(s.thank_you_hours),
                cause: at,
                step: 0,
            });
            continue;
        };
        if !ladder.contains(&c) {
            continue;
        }
        // After the thank-you: the one-week check-in, then bi-weekly, then monthly.
        let cap = 1 + s.interview_max_attempts;
        let rule_for = |step: u32| if step == 0 { Rule::InterviewCheckIn } else { Rule::InterviewRepeat };
        let attempts = climb(p.facts, who, o, thanked, anchor_key, rule_for, cap);
        let step = attempts.len() as u32;
        let last = attempts.last().copied().unwrap_or(thanked);
        if step >= cap {
            p.stop(
                who,
                Some(o.id),
                Rule::InterviewRepeat,
                format!(
                    "Done following up: no answer from {} about {} after the one-week check-in and {} more attempts. Keep your other opportunities moving.",
                    p.facts.name(c),
                    o.title(),
                    s.interview_max_attempts
                ),
            );
            continue;
        }
        let agreed = agreed_date(p.facts, who, at, Some(o.id));
        let (earliest, due) = open_window(thanked, &attempts, |k, previous| match (k, agreed) {
            (0, Some(window)) => window,
            (0, None) => whole_day((at + days(s.interview_check_in_days)).date()),
            (k, _) => {
                let gap =
                    if k <= s.interview_repeat_times { s.interview_repeat_days } else { s.interview_monthly_days };
                whole_day((previous + days(gap)).date())
            }
        });
        let (rule, reason) = match (step, agreed) {
            (0, Some(_)) => (
                Rule::InterviewCheckIn,
                format!(
                    "{} gave you a date to check back about {}: {}.",
                    p.facts.name(c),
                    o.title(),
                    day_words(earliest)
                ),
            ),
            (0, None) => (
                Rule::InterviewCheckIn,
                format!(
                    "A week after your interview for {} on {}: check in with {}.",
                    o.title(),
                    day_words(at),
                    p.facts.name(c)
                ),
            ),
            (k, _) => {
                let rhythm = if k <= s.interview_repeat_times { "every two weeks" } else { "monthly" };
                (
                    Rule::InterviewRepeat,
                    format!(
                        "No answer from {} about {} since {}: follow up again ({rhythm}; attempt {k} of {}).",
                        p.facts.name(c),
                        o.title(),
                        day_words(last),
                        s.interview_max_attempts
                    ),
                )
            }
        };
        p.offer(ladder_step(rule, who, Some(o.id), anchor_key, step, reason.into(), (earliest, due), last));
    }
}

fn offer_rule(p: &mut Proposals, o: &Opportunity, anchor: NaiveDateTime) {
    let Some(step) = o.next_offer_step() else { return };
    let index = crate::domain::opportunity::OfferStep::ALL.iter().position(|s| *s == step).unwrap_or(0) as u32;
    let owners = p.facts.people(o, &[Part::Recruiter, Part::HiringManager]);
    let who = owners.first().copied();
    let offsets = [1, 3, 5, 7];
    let due_day = (anchor + days(offsets[index as usize % offsets.len()])).date();
    let (_, due) = whole_day(due_day);
    p.offer(FollowUp {
        key: key(Rule::OfferStep, who, Some(o.id), Anchor::Day(anchor.date()), index),
        contact: who,
        opportunity: Some(o.id),
        rule: Rule::OfferStep,
        reason: Reason::Text(format!(
            "Offer for {}: {} (step {} of 4: in writing, review, negotiate, decide).",
            o.title(),
            step.label().to_lowercase(),
            index + 1
        )),
        earliest: anchor,
        due,
        cause: anchor,
        step: index,
    });
}

fn accepted_rules(p: &mut Proposals, accepted: &Opportunity, anchor: NaiveDateTime) {
    let on = anchor.date();
    let anchor_key = Anchor::Day(on);
    // Everyone in the other searches still open the day before I accepted (withdrawing them
    // afterwards does not remove the duty to tell them).
    let day_before = on.pred_opt().unwrap_or(on);
    for other in p.facts.records.opportunities.iter().filter(|x| x.id != accepted.id) {
        if !other.stage_on(day_before).is_some_and(Stage::is_active) {
            continue;
        }
        let people: Vec<Option<ContactId>> = {
            let ids: Vec<ContactId> =
                other.people.iter().map(|i| i.contact_id).filter(|c| p.facts.active(*c).is_some()).collect();
            let mut unique: Vec<ContactId> = Vec::new();
            for c in ids {
                if !unique.contains(&c) {
                    unique.push(c);
                }
            }
            if unique.is_empty() {
                vec![None]
            } else {
                unique.into_iter().map(Some).collect()
            }
        };
        for who in people {
            if who.is_some_and(|c| p.facts.reached_out_after(c, anchor, None).is_some()) {
                continue;
            }
            let whom = who.map_or_else(|| other.company.clone(), |c| p.facts.name(c).to_owned());
            p.offer(FollowUp {
                key: key(Rule::TellOthers, who, Some(other.id), anchor_key, 0),
                contact: who,
                opportunity: Some(other.id),
                rule: Rule::TellOthers,
                reason: Reason::Text(format!(
                    "You accepted {} on {}: let {whom} know about {} and keep the bridge intact.",
                    accepted.title(),
                    day_words(anchor),
                    other.title()
                )),
                earliest: anchor,
                due: anchor + days(3),
                cause: anchor,
                step: 0,
            });
        }
    }
    // Everyone who helped: people in the accepted search, referrers, helpers, introducers.
    let mut helpers: Vec<ContactId> = accepted.people.iter().map(|i| i.contact_id).collect();
    for o in &p.facts.records.opportunities {
        helpers
            .extend(o.people.iter().filter(|i| matches!(i.part, Part::Referrer | Part::Helped)).map(|i| i.contact_id));
    }
    for c in &p.facts.records.contacts {
        if let Some(intro) = c.introduced_by {
            helpers.push(intro);
        }
    }
    let mut seen: Vec<ContactId> = Vec::new();
    for c in helpers {
        if seen.contains(&c) || p.facts.active(c).is_none() {
            continue;
        }
        seen.push(c);
        if p.facts.reached_out_after(c, anchor, None).is_some() {
            continue;
        }
        p.offer(FollowUp {
            key: key(Rule::ThankHelpers, Some(c), Some(accepted.id), anchor_key, 0),
            contact: Some(c),
            opportunity: Some(accepted.id),
            rule: Rule::ThankHelpers,
            reason: Reason::Text(format!(
                "You landed {}: thank {} for helping in your search and let them know.",
                accepted.title(),
                p.facts.name(c)
            )),
            earliest: anchor,
            due: anchor + days(7),
            cause: anchor,
            step: 0,
        });
    }
}

fn filled_rule(p: &mut Proposals, o: &Opportunity, anchor: NaiveDateTime) {
    let s = p.facts.settings;
    for c in p.facts.people(o, &[Part::HiringManager, Part::Recruiter]) {
        if p.facts.reached_out_after(c, anchor, Some(o.id)).is_some() {
            continue;
        }
        p.offer(FollowUp {
            key: key(Rule::FilledThanks, Some(c), Some(o.id), Anchor::Day(anchor.date()), 0),
            contact: Some(c),
            opportunity: Some(o.id),
            rule: Rule::FilledThanks,
            reason: Reason::Text(format!(
                "{} was filled ({}): thank {} for letting you know and say you remain interested in {}.",
                o.title(),
                day_words(anchor),
                p.facts.name(c),
                o.company
            )),
            earliest: anchor,
            due: anchor + hours(s.thank_you_hours),
            cause: anchor,
            step: 0,
        });
    }
}

fn warm_connection_rule(p: &mut Proposals, o: &Opportunity, by_company: &FastMap<CompanyKey, Vec<u32>>) {
    let Some(first) = o.history.first() else { return };
    let Some(company) = CompanyKey::of(&o.company) else { return };
    let anchor = first.moment();
    for &i in by_company.get(&company).into_iter().flatten() {
        let talks = p.facts.talks_at(i as usize);
        // Warm means we have talked before the company became a target; and neither of us
        // has written since.
        let warm = talks.first().is_some_and(|t| t.at <= anchor);
        if !warm || talks.iter().any(|t| t.at > anchor && t.direction != Direction::WeMet) {
            continue;
        }
        let Some(c) = p.facts.records.contacts.get(i as usize) else { continue };
        p.offer(FollowUp {
            key: key(Rule::WarmConnection, Some(c.id), Some(o.id), Anchor::Day(first.on), 0),
            contact: Some(c.id),
            opportunity: Some(o.id),
            rule: Rule::WarmConnection,
            reason: Reason::Text(format!(
                "{} is a warm connection at {}, a target company since {}: reach out within 5-7 days.",
                c.name,
                o.company,
                day_words(anchor)
            )),
            earliest: anchor,
            due: anchor + days(p.facts.settings.warm_connection_days),
            cause: anchor,
            step: 0,
        });
    }
}

// ---------------------------------------------------------------- people

/// A single step: reach out to `who` within `within` of the event at `at`, unless I already
/// have since.
#[allow(clippy::too_many_arguments)]
fn one_off(
    p: &mut Proposals,
    rule: Rule,
    who: ContactId,
    opportunity: Option<OpportunityId>,
    anchor: Anchor,
    at: NaiveDateTime,
    within: Duration,
    reason: impl FnOnce() -> Reason,
) {
    if p.facts.reached_out_after(who, at, None).is_some() {
        return;
    }
    p.offer(ladder_step(rule, Some(who), opportunity, anchor, 0, reason(), (at, at + within), at));
}

fn person_rules<'a>(p: &mut Proposals<'_, 'a>, c: &Arc<Contact>, talks: &[&'a Conversation], today: NaiveDate) {
    let s = p.facts.settings;
    let who = Some(c.id);

    // They reached out: reply within a day, unless I already have.
    if let Some(inbound) = talks.iter().rev().find(|t| t.direction == Direction::TheyReachedOut) {
        let reason = || Reason::Reply { who: c.clone(), at: inbound.at };
        let anchor = Anchor::Talk(inbound.id);
        one_off(p, Rule::Reply, c.id, inbound.opportunity_id, anchor, inbound.at, hours(s.reply_hours), reason);
    }

    // Met someone new, an informational interview, a networking meeting: within 24 hours.
    if let Some(meeting) = talks.iter().rev().find(|t| t.topic == Topic::Meeting) {
        let reason = || Reason::NewContact { who: c.clone(), at: meeting.at };
        let anchor = Anchor::Talk(meeting.id);
        one_off(p, Rule::NewContact, c.id, None, anchor, meeting.at, hours(s.new_contact_hours), reason);
    }

    // Introduced: reach out to them right away, and thank whoever introduced us.
    if let Some(intro) = talks.iter().rev().find(|t| t.topic == Topic::Introduction) {
        let introducer = c.introduced_by.and_then(|i| p.facts.active(i));
        let within = hours(s.introduction_hours);
        let anchor = Anchor::Talk(intro.id);
        let reason = || Reason::Introduced { who: c.clone(), by: introducer.cloned(), at: intro.at };
        one_off(p, Rule::ReachIntroduced, c.id, None, anchor, intro.at, within, reason);
        if let Some(i) = introducer {
            let reason = || Reason::ThankIntroducer { introducer: i.clone(), who: c.clone(), at: intro.at };
            one_off(p, Rule::ThankIntroducer, i.id, None, anchor, intro.at, within, reason);
        }
    }

    // Keep in touch every quarter, from the last interaction. An agreed check-back date
    // replaces that while it is still ahead of the last interaction; a refusal ends it.
    if let Some(last) = talks.last() {
        // Answers given about an opportunity still in progress belong to its ladder, not here.
        let ladder_owns = |t: &Conversation| {
            t.opportunity_id
                .and_then(|o| p.facts.opportunities.get(&o))
                .is_some_and(|o| matches!(o.stage(), Stage::Applied | Stage::Interviewing | Stage::Offer))
        };
        let answer = talks.iter().rev().find(|t| t.check_back != CheckBack::NotAsked && !ladder_owns(t));
        match answer.map(|t| (t, t.check_back)) {
            Some((_, CheckBack::Declined)) => {
                p.stop(
                    who,
                    None,
                    Rule::KeepInTouch,
                    format!("{} asked you not to check back; no reminders for them.", c.name),
                );
            }
            Some((t, CheckBack::Allowed { on: Some(day) }))
                if day > last.at.date() || (t.id == last.id && day >= t.at.date()) =>
            {
                let (earliest, due) = whole_day(day);
                p.offer(FollowUp {
                    key: key(Rule::CheckBack, who, None, Anchor::Talk(t.id), 0),
                    contact: who,
                    opportunity: None,
                    rule: Rule::CheckBack,
                    reason: Reason::CheckBack { who: c.clone(), on: day },
                    earliest: earliest.max(t.at),
                    due: due.max(t.at),
                    cause: t.at,
                    step: 0,
                });
            }
            _ => p.offer(FollowUp {
                key: key(Rule::KeepInTouch, who, None, Anchor::Talk(last.id), 0),
                contact: who,
                opportunity: None,
                rule: Rule::KeepInTouch,
                reason: Reason::KeepInTouch { who: c.clone(), last: last.at.date() },
                earliest: last.at + days(s.keep_in_touch_earliest_days),
                due: last.at + days(s.keep_in_touch_due_days),
                cause: last.at,
                step: 0,
            }),
        }
    }

    // Give first: well wishes on or right after a personal moment.
    for m in &c.moments {
        let Some(day) = moment_day(m.kind, m.date, today) else { continue };
        let (start, end) = whole_day(day);
        let wished = p.facts.reached_out_after(c.id, start - Duration::days(1), None).is_some();
        if wished {
            continue;
        }
        p.offer(FollowUp {
            key: key(Rule::GivingBack, who, None, Anchor::Moment(m.kind, day), 0),
            contact: who,
            opportunity: None,
            rule: Rule::GivingBack,
            reason: Reason::GivingBack { who: c.clone(), kind: m.kind, on: day },
            earliest: start,
            due: end + Duration::days(1),
            cause: start,
            step: 0,
        });
    }
}

/// The day a moment should be marked this time: birthdays recur every year (shown from a
/// week after until a month before); one-off moments only around their date.
fn moment_day(kind: MomentKind, date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let window = |d: NaiveDate| (d >= today - Duration::days(7) && d <= today + Duration::days(30)).then_some(d);
    if kind == MomentKind::Birthday {
        let this_year = |y: i32| date.with_year(y).or_else(|| NaiveDate::from_ymd_opt(y, 3, 1));
        let year = today.year();
        return [year - 1, year, year + 1].into_iter().filter_map(this_year).find_map(window);
    }
    window(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_rank_in_the_order_of_their_written_keys() {
        use Rule::*;
        let all = [
            NewContact,
            ThankIntroducer,
            ReachIntroduced,
            WarmConnection,
            KeepInTouch,
            CheckBack,
            ApplicationFollowUp,
            ResumeShared,
            ApplicationNudge,
            InterviewThankYou,
            InterviewCheckIn,
            InterviewRepeat,
            OfferStep,
            TellOthers,
            ThankHelpers,
            FilledThanks,
            Reply,
            GivingBack,
        ];
        let mut by_rank = all;
        by_rank.sort_by_key(|r| rule_rank(*r));
        let mut by_name = all;
        by_name.sort_by(|a, b| super::super::key::rule_order(*a, *b));
        assert_eq!(by_rank, by_name);
    }
}
