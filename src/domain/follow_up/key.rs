//! The identity of one follow-up step, and the text form stored marks (snooze, skip, done) are
//! saved under.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::Rule;
use crate::domain::contact::{ContactId, MomentKind};
use crate::domain::conversation::ConversationId;
use crate::domain::opportunity::OpportunityId;

/// What a step counts from: the conversation, day or moment that caused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// A logged conversation, written as its id.
    Talk(ConversationId),
    /// A day, written `20261127`.
    Day(NaiveDate),
    /// A time to the minute, written `20261127T0900` (seconds are not part of it).
    Minute(NaiveDate, u32, u32),
    /// A personal moment on a day, written `birthday-20261127`.
    Moment(MomentKind, NaiveDate),
}

impl Anchor {
    /// The minute `t` falls in.
    pub fn minute(t: NaiveDateTime) -> Self {
        Anchor::Minute(t.date(), t.hour(), t.minute())
    }
}

/// A day as keys write it: `20261127`.
struct Compact(NaiveDate);

impl fmt::Display for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}{:02}{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Anchor::Talk(id) => write!(f, "{id}"),
            Anchor::Day(day) => write!(f, "{}", Compact(day)),
            Anchor::Minute(day, h, m) => write!(f, "{}T{h:02}{m:02}", Compact(day)),
            Anchor::Moment(kind, day) => write!(f, "{}-{}", kind.key(), Compact(day)),
        }
    }
}

/// The identity of a step: snoozes and skips refer to it, and the same step keeps it
/// whenever the agenda is computed. Written as `rule/contact/opportunity/anchor/step`, with
/// `-` for no one, e.g. `new-contact/<id>/-/<conversation id>/0`.
///
/// Kept as parts rather than text: the agenda makes one for every step it considers (37,000
/// at 30,000 people), and only the few that are marked or saved are ever written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub rule: Rule,
    pub contact: Option<ContactId>,
    pub opportunity: Option<OpportunityId>,
    pub anchor: Anchor,
    pub step: u32,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rule.key())?;
        match self.contact {
            Some(c) => write!(f, "/{c}/")?,
            None => f.write_str("/-/")?,
        }
        match self.opportunity {
            Some(o) => write!(f, "{o}/")?,
            None => f.write_str("-/")?,
        }
        write!(f, "{}/{}", self.anchor, self.step)
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, text: &str) -> bool {
        writes_as(self, text)
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, text: &String) -> bool {
        writes_as(self, text)
    }
}

/// Whether `value` writes exactly `text`, compared piece by piece as it is written.
pub(super) fn writes_as(value: &impl fmt::Display, text: &str) -> bool {
    struct Rest<'t>(&'t str);
    impl fmt::Write for Rest<'_> {
        fn write_str(&mut self, piece: &str) -> fmt::Result {
            self.0 = self.0.strip_prefix(piece).ok_or(fmt::Error)?;
            Ok(())
        }
    }
    let mut rest = Rest(text);
    fmt::write(&mut rest, format_args!("{value}")).is_ok() && rest.0.is_empty()
}

/// The order of the written keys, so that steps due at the same moment keep the order they
/// always had (steps past 9 aside, which the text puts before 2).
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        rule_order(self.rule, other.rule)
            .then(self.contact.cmp(&other.contact))
            .then(self.opportunity.cmp(&other.opportunity))
            .then(self.anchor.cmp(&other.anchor))
            .then(self.step.cmp(&other.step))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Rules in the order of their names followed by the key's `/` (`application-nudge/` comes
/// before `application/`). "No one" (`-`) comes before any id, as `None` before `Some`.
pub(super) fn rule_order(a: Rule, b: Rule) -> Ordering {
    let written = |r: Rule| r.key().bytes().chain(std::iter::once(b'/'));
    written(a).cmp(written(b))
}

/// The order of the written anchors. Each rule uses one kind of anchor, so comparing
/// different kinds (by their text) is rare.
impl Ord for Anchor {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Anchor::Talk(a), Anchor::Talk(b)) => a.cmp(b),
            (Anchor::Day(a), Anchor::Day(b)) => a.cmp(b),
            (Anchor::Minute(a, h, m), Anchor::Minute(b, i, n)) => (a, h, m).cmp(&(b, i, n)),
            (Anchor::Moment(k, a), Anchor::Moment(l, b)) => (k.key(), a).cmp(&(l.key(), b)),
            _ => self.to_string().cmp(&other.to_string()),
        }
    }
}

impl PartialOrd for Anchor {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The thread a written key belongs to (its person and opportunity), if it is well formed:
/// the agenda writes out only the keys of threads that have a mark.
pub(super) fn thread_of(text: &str) -> Option<(Option<ContactId>, Option<OpportunityId>)> {
    let mut parts = text.split('/');
    parts.next()?;
    let contact = match parts.next()? {
        "-" => None,
        id => Some(id.parse().ok()?),
    };
    let opportunity = match parts.next()? {
        "-" => None,
        id => Some(id.parse().ok()?),
    };
    Some((contact, opportunity))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    fn keys() -> Vec<Key> {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let anchors = [
            Anchor::Talk(Id::from_raw(7)),
            Anchor::Talk(Id::from_raw(0xabc << 100)),
            Anchor::Day(day(3)),
            Anchor::Day(day(27)),
            Anchor::Minute(day(27), 9, 5),
            Anchor::Minute(day(27), 15, 0),
            Anchor::Moment(MomentKind::Birthday, day(1)),
            Anchor::Moment(MomentKind::Wedding, day(1)),
        ];
        let mut out = Vec::new();
        for rule in [Rule::Reply, Rule::ReachIntroduced, Rule::ApplicationFollowUp, Rule::ApplicationNudge] {
            for contact in [None, Some(Id::from_raw(1)), Some(Id::from_raw(u128::MAX - 1))] {
                for opportunity in [None, Some(Id::from_raw(2))] {
                    for anchor in anchors {
                        for step in [0, 1, 3] {
                            out.push(Key { rule, contact, opportunity, anchor, step });
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn keys_sort_as_their_text_does() {
        let keys = keys();
        for a in &keys {
            for b in &keys {
                assert_eq!(a.cmp(b), a.to_string().cmp(&b.to_string()), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn a_key_equals_exactly_its_text() {
        for key in keys() {
            let text = key.to_string();
            assert_eq!(key, text);
            assert_ne!(key, format!("{text}0"));
            assert_ne!(key, text[..text.len() - 1]);
        }
    }

    #[test]
    fn the_thread_is_read_back_from_a_written_key() {
        for key in keys() {
            assert_eq!(thread_of(&key.to_string()), Some((key.contact, key.opportunity)), "{key}");
        }
        for broken in ["", "reply", "reply/xyz/-/1/0", "reply/-/12/1/0"] {
            assert_eq!(thread_of(broken), None, "{broken:?}");
        }
    }
}
