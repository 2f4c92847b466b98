//! Merging two sets of records (restoring a backup without losing newer work): records are
//! matched by id, the newer edit wins, nothing is duplicated.

use std::collections::HashMap;
use std::hash::Hash;

use chrono::NaiveDateTime;

use super::records::Records;
use super::shared_list::SharedList;

/// What a merge did (or would do), per kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    pub added: usize,
    pub updated: usize,
    pub kept: usize,
}

/// What a merge did to each kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub contacts: MergeCounts,
    pub conversations: MergeCounts,
    pub opportunities: MergeCounts,
}

impl MergeReport {
    /// Whether the merge changes anything.
    pub fn changes_anything(&self) -> bool {
        [self.contacts, self.conversations, self.opportunities].iter().any(|c| c.added + c.updated > 0)
    }
}

fn merge_list<T: Clone, K: Eq + Hash + Copy>(
    mine: &mut SharedList<T>,
    theirs: &SharedList<T>,
    id: impl Fn(&T) -> K,
    edited: impl Fn(&T) -> NaiveDateTime,
) -> MergeCounts {
    let mut counts = MergeCounts::default();
    let index: HashMap<K, usize> = mine.iter().enumerate().map(|(i, r)| (id(r), i)).collect();
    for record in theirs {
        match index.get(&id(record)) {
            Some(&i) if edited(record) > edited(&mine[i]) => {
                mine.set(i, record.clone());
                counts.updated += 1;
            }
            Some(_) => counts.kept += 1,
            None => {
                mine.push(record.clone());
                counts.added += 1;
            }
        }
    }
    counts
}

impl Records {
    /// Merges `other` into these records: unknown records are added, known ones replaced only
    /// when `other`'s copy was edited more recently. Marks and bounces are united; settings and
    /// templates stay as they are here.
    pub fn merge(&mut self, other: &Records) -> MergeReport {
        let report = MergeReport {
            contacts: merge_list(&mut self.contacts, &other.contacts, |c| c.id, |c| c.updated_at),
            conversations: merge_list(&mut self.conversations, &other.conversations, |c| c.id, |c| c.updated_at),
            opportunities: merge_list(&mut self.opportunities, &other.opportunities, |o| o.id, |o| o.updated_at),
        };
        for mark in &other.marks {
            match self.marks.iter_mut().find(|m| m.key == mark.key) {
                Some(existing) if mark.at > existing.at => *existing = mark.clone(),
                Some(_) => {}
                None => self.marks.push(mark.clone()),
            }
        }
        for bounce in &other.bounces {
            if !self.bounces.iter().any(|b| b.domain == bounce.domain && b.pattern == bounce.pattern) {
                self.bounces.push(bounce.clone());
            }
        }
        report
    }

    /// What merging `other` would do, without doing it.
    pub fn merge_preview(&self, other: &Records) -> MergeReport {
        self.clone().merge(other)
    }
}
