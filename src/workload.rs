//! A deterministic synthetic job search at the scale of a real network, for benchmarks:
//! the same seed always gives the same records, dated relative to the `now` passed in.

use chrono::{Duration, NaiveDateTime};

use crate::domain::contact::{Channel, Contact, ContactId, Email, EmailStatus, Moment, MomentKind, Role};
use crate::domain::conversation::{CheckBack, Conversation, ConversationId, Direction, Topic};
use crate::domain::opportunity::{Involvement, Opportunity, OpportunityId, Part, Source, Stage, StageChange};
use crate::domain::Records;

/// How big a search to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub contacts: usize,
    pub conversations: usize,
    pub opportunities: usize,
}

impl Size {
    /// LinkedIn's connection cap and a very busy year of job searching.
    pub const FULL: Size = Size { contacts: 30_000, conversations: 100_000, opportunities: 1_000 };
}

/// The id of the `n`th record of the workload: as random-looking as the app's own (drawn from
/// the browser's random source), so sizes and hashing are measured as a real network has them.
/// Small sequential ids compress to almost nothing and flatter every storage figure.
fn id(n: u128) -> u128 {
    let mut s = Sequence(n as u64 ^ (n >> 64) as u64);
    (u128::from(s.next()) << 64) | u128::from(s.next())
}

/// A small, fast, deterministic pseudo-random sequence (SplitMix64); not for secrets.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ann", "Bob", "Chen", "Dana", "Emeka", "Fatima", "Gus", "Hana", "Ivan", "José", "Kai", "Lena", "Mia", "Noor",
    "Omar", "Priya",
];
const LAST: &[&str] = &[
    "Lee",
    "Stone",
    "Wang",
    "Whitfield",
    "Okafor",
    "Haddad",
    "Berg",
    "Sato",
    "Petrov",
    "Álvarez",
    "Kim",
    "Novak",
    "Chen",
    "Rahman",
    "Ali",
    "Raman",
];
const TITLES: &[&str] = &[
    "Software Engineer",
    "Recruiter",
    "Engineering Manager",
    "Product Manager",
    "Talent Acquisition Partner",
    "Designer",
    "Director of Engineering",
];

/// Generates a search of the given size from a seed, as of `now`.
pub fn generate(size: Size, seed: u64, now: NaiveDateTime) -> Records {
    let mut rng = Sequence(seed);
    let mut r = Records::default();
    let companies: Vec<String> = (0..(size.contacts / 15).max(1)).map(|i| format!("Company {i:04}")).collect();
    for i in 0..size.contacts {
        let created = now - Duration::days(rng.below(730) as i64);
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let company = companies[rng.below(companies.len())].clone();
        r.contacts.push(Contact {
            id: ContactId::from_raw(id(1 + i as u128)),
            name: format!("{first} {last} {i}"),
            email: (i % 5 == 0).then(|| Email {
                address: format!("{}.{}{i}@example.com", first.to_lowercase(), last.to_lowercase()),
                status: EmailStatus::Known,
                pattern: None,
            }),
            company,
            title: rng.pick(TITLES).to_owned(),
            role: rng.pick(Role::ALL),
            phone: String::new(),
            linkedin_url: None,
            how_we_met: String::new(),
            introduced_by: None,
            preferred_channel: Some(rng.pick(Channel::REACHABLE)),
            notes: String::new(),
            moments: if i % 20 == 0 {
                vec![Moment {
                    kind: MomentKind::Birthday,
                    date: (now - Duration::days(rng.below(365 * 40) as i64 + 365 * 20)).date(),
                    note: String::new(),
                }]
            } else {
                Vec::new()
            },
            connected_on: None,
            archived: i % 50 == 0,
            example: false,
            created_at: created,
            updated_at: created,
        });
    }
    for i in 0..size.opportunities {
        let start = (now - Duration::days(rng.below(200) as i64 + 5)).date();
        // A realistic pipeline: most searches end filled, withdrawn or still open; one was accepted.
        let path: &[Stage] = if i == 0 {
            &[Stage::Applied, Stage::Interviewing, Stage::Offer, Stage::Accepted]
        } else {
            rng.pick(&[
                &[Stage::Interested][..],
                &[Stage::Applied],
                &[Stage::Applied, Stage::Filled],
                &[Stage::Applied, Stage::Interviewing],
                &[Stage::Applied, Stage::Interviewing, Stage::Filled],
                &[Stage::Interested, Stage::Withdrawn],
                &[Stage::Applied, Stage::Interviewing, Stage::Offer],
                &[Stage::Applied, Stage::Interviewing, Stage::Offer, Stage::Declined],
            ])
        };
        let mut history = Vec::new();
        let mut day = start;
        for &stage in path {
            history.push(StageChange { stage, on: day, at: None });
            day += Duration::days(rng.below(20) as i64);
        }
        let people = (0..rng.below(5))
            .map(|_| Involvement {
                contact_id: ContactId::from_raw(id(1 + rng.below(size.contacts) as u128)),
                part: rng.pick(Part::ALL),
            })
            .collect();
        r.opportunities.push(Opportunity {
            id: OpportunityId::from_raw(id(1_000_000 + i as u128)),
            company: companies[rng.below(companies.len())].clone(),
            role: rng.pick(TITLES).to_owned(),
            posting_url: None,
            source: rng.pick(Source::ALL),
            history,
            people,
            notes: String::new(),
            offer_done: Vec::new(),
            example: false,
            created_at: now - Duration::days(200),
            updated_at: now - Duration::days(1),
        });
    }
    for i in 0..size.conversations {
        let at = now - Duration::minutes(rng.below(365 * 24 * 60) as i64);
        let opportunity_id = (rng.below(4) == 0 && size.opportunities > 0)
            .then(|| OpportunityId::from_raw(id(1_000_000 + rng.below(size.opportunities) as u128)));
        r.conversations.push(Conversation {
            id: ConversationId::from_raw(id(10_000_000 + i as u128)),
            contact_id: ContactId::from_raw(id(1 + rng.below(size.contacts) as u128)),
            opportunity_id,
            at,
            channel: rng.pick(Channel::ALL),
            direction: rng.pick(Direction::ALL),
            topic: if opportunity_id.is_some() && rng.below(3) == 0 {
                Topic::Interview
            } else {
                rng.pick(&[Topic::General, Topic::Meeting, Topic::FollowUp])
            },
            key_points: "Talked about the team, the roadmap and what they look for in a candidate.".into(),
            open_questions: String::new(),
            next_step: String::new(),
            check_back: if rng.below(10) == 0 {
                CheckBack::Allowed { on: Some((at + Duration::days(14)).date()) }
            } else {
                CheckBack::NotAsked
            },
            example: false,
            created_at: at,
            updated_at: at,
        });
    }
    r
}

/// LinkedIn's `Connections.csv` for `rows` connections, in LinkedIn's real format: the
/// "Notes:" preamble, a blank line, the header, then one row per connection (some without an
/// email, some with quoted commas, a few members who left LinkedIn with no name).
pub fn connections_csv(rows: usize, seed: u64) -> String {
    let mut rng = Sequence(seed);
    let mut out = String::with_capacity(rows * 120 + 512);
    out.push_str("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n");
    out.push_str("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    for i in 0..rows {
        let date = format!("{:02} {} {}", 1 + rng.below(28), MONTHS[rng.below(12)], 2010 + rng.below(16));
        if i % 997 == 996 {
            // A member who has left LinkedIn: LinkedIn keeps the row without a name.
            out.push_str(&format!(",,,,,,{date}\n"));
            continue;
        }
        // A middle name spelt from the row number keeps every name unique, as in a real network
        // (the import matches people by profile, then by name and company).
        let middle: String = (0..4).map(|k| char::from(b'a' + ((i / 26usize.pow(k)) % 26) as u8)).collect();
        let first = format!("{} {}{}", rng.pick(FIRST), middle[..1].to_uppercase(), &middle[1..]);
        let last = rng.pick(LAST);
        let slug = format!("{}-{}-{i:x}", middle, last.to_lowercase());
        let email =
            if rng.below(10) == 0 { format!("{middle}.{}{i}@example.com", last.to_lowercase()) } else { String::new() };
        let company = format!("Company {:04}", rng.below((rows / 15).max(1)));
        let title = rng.pick(TITLES);
        let title = if rng.below(8) == 0 { format!("\"{title}, EMEA\"") } else { title.to_owned() };
        out.push_str(&format!("{first},{last},https://www.linkedin.com/in/{slug},{email},{company},{title},{date}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_search() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let size = Size { contacts: 200, conversations: 500, opportunities: 20 };
        let a = generate(size, 7, now);
        assert_eq!(a, generate(size, 7, now));
        assert_ne!(a, generate(size, 8, now));
        assert_eq!((a.contacts.len(), a.conversations.len(), a.opportunities.len()), (200, 500, 20));
        // It is a valid stored state: it survives the storage format.
        assert_eq!(crate::storage::decode(&crate::storage::encode(&a, now)), Ok(a));
    }

    #[test]
    fn the_generated_connections_csv_imports_as_linkedin_exports_do() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let csv = connections_csv(3000, 1);
        assert_eq!(csv, connections_csv(3000, 1));
        let rows = crate::domain::linkedin_import::read_connections(&csv).unwrap();
        let mut records = crate::domain::Records::default();
        let mut next = 0u128;
        let mut ids = || {
            next += 1;
            next
        };
        let summary = records.import_connections(&rows, &mut ids, now);
        assert_eq!(summary.added, 2997);
        assert_eq!(summary.skipped.len(), 3, "the members who left");
    }
}
