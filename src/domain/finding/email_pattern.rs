//! The email-format guesser: learns a company's address pattern from known colleagues
//! ("Celia Stangarone is cstangarone@...: first initial + last name") and applies it to the
//! person I want to reach, with ranked alternatives, a confidence and the reason.
//!
//! Every candidate pattern has a prior (how common it is in general); each known colleague
//! whose address a pattern explains multiplies its weight, so the majority wins while an
//! exception only lowers the confidence. Name variants (nicknames, hyphenated names, surname
//! particles, German ae/oe/ue forms) are scored too, guided by how colleagues' own names were
//! written.

use std::collections::HashMap;

use super::person_name::{also_known_as, PersonName};

/// How the first name appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Given {
    Full,
    Initial,
    Absent,
}

/// How middle names appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Middle {
    Absent,
    Initials,
    Full,
}

/// How the surname appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Family {
    Full,
    Initial,
    Absent,
    /// Cut to this many letters (old fixed-length logins).
    Cut(usize),
}

/// One address format, such as `{f}{last}` or `{first}.{last}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pattern {
    last_first: bool,
    given: Given,
    middle: Middle,
    family: Family,
    sep: &'static str,
}

const SEPARATORS: [&str; 4] = [".", "", "_", "-"];

const FIRST_DOT_LAST: Pattern =
    Pattern { last_first: false, given: Given::Full, middle: Middle::Absent, family: Family::Full, sep: "." };

impl Pattern {
    /// The pattern in placeholder form, e.g. `{f}{last}`, `{first}.{last}`; also its stored key.
    pub fn key(&self) -> String {
        let given = match self.given {
            Given::Full => Some("{first}".to_owned()),
            Given::Initial => Some("{f}".to_owned()),
            Given::Absent => None,
        };
        let middle = match self.middle {
            Middle::Full => Some("{middle}".to_owned()),
            Middle::Initials => Some("{m}".to_owned()),
            Middle::Absent => None,
        };
        let family = match self.family {
            Family::Full => Some("{last}".to_owned()),
            Family::Initial => Some("{l}".to_owned()),
            Family::Cut(n) => Some(format!("{{last:{n}}}")),
            Family::Absent => None,
        };
        let parts: Vec<String> = if self.last_first { [family, given, middle] } else { [given, middle, family] }
            .into_iter()
            .flatten()
            .collect();
        parts.join(self.sep)
    }

    /// A short login-style format (one name spelled out at most, no separator): companies that
    /// use one (jdoe) tend to have others (johnd, djohn, john) as their exceptions.
    fn is_login(&self) -> bool {
        let full =
            usize::from(self.given == Given::Full) + usize::from(matches!(self.family, Family::Full | Family::Cut(_)));
        self.sep.is_empty() && full <= 1 && self.middle != Middle::Full
    }

    /// One name spelled out and the other as an initial, nothing between (jdoe, johnd, djohn,
    /// doej). Companies that give such logins mix them: whoever's jdoe was taken became johnd.
    fn is_short_login(&self) -> bool {
        let spelled = u8::from(self.given == Given::Full) + u8::from(self.family == Family::Full);
        let initials = u8::from(self.given == Given::Initial) + u8::from(self.family == Family::Initial);
        self.sep.is_empty() && self.middle == Middle::Absent && spelled == 1 && initials == 1
    }

    /// The same pattern without middle names: for a name with no middle name the two build
    /// the same address, so a bounce rules out both.
    fn without_middle(&self) -> Pattern {
        Pattern { middle: Middle::Absent, ..*self }
    }

    /// The pattern in words, e.g. "first initial + last name".
    pub fn describe(&self) -> String {
        let given = match self.given {
            Given::Full => Some("first name".to_owned()),
            Given::Initial => Some("first initial".to_owned()),
            Given::Absent => None,
        };
        let middle = match self.middle {
            Middle::Full => Some("middle names".to_owned()),
            Middle::Initials => Some("middle initials".to_owned()),
            Middle::Absent => None,
        };
        let family = match self.family {
            Family::Full => Some("last name".to_owned()),
            Family::Initial => Some("last initial".to_owned()),
            Family::Cut(n) => Some(format!("the first {n} letters of the last name")),
            Family::Absent => None,
        };
        let parts: Vec<String> = if self.last_first { [family, given, middle] } else { [given, middle, family] }
            .into_iter()
            .flatten()
            .collect();
        let glue = if self.sep.is_empty() { " + ".to_owned() } else { format!(" + \"{}\" + ", self.sep) };
        parts.join(&glue)
    }
}

/// Every pattern the guesser knows, with how common it is in general (unnormalised).
fn patterns() -> Vec<(Pattern, f64)> {
    let mut out = Vec::new();
    let mut add = |last_first: bool, given: Given, middle: Middle, family: Family, base: f64, seps: [f64; 4]| {
        for (sep, w) in SEPARATORS.iter().zip(seps) {
            if w > 0.0 {
                out.push((Pattern { last_first, given, middle, family, sep }, base * w));
            }
        }
    };
    // Separator weights are [".", "", "_", "-"].
    let two = [0.6, 0.28, 0.09, 0.03];
    let initial_first = [0.12, 0.84, 0.03, 0.01];
    let single = [0.0, 1.0, 0.0, 0.0];
    // Where a separator spells the name out, people who give three names usually get all
    // three (a two-part given name, "Jit Loon Lim" -> jit.loon.lim); compact formats drop them.
    for (middle, spelled, compact) in
        [(Middle::Absent, 1.0, 1.0), (Middle::Initials, 0.1, 0.08), (Middle::Full, 1.2, 0.05)]
    {
        let weigh = |seps: [f64; 4], spelled: f64, compact: f64| {
            [seps[0] * spelled, seps[1] * compact, seps[2] * spelled, seps[3] * spelled]
        };
        add(false, Given::Full, middle, Family::Full, 0.48, weigh(two, spelled, compact));
        add(false, Given::Initial, middle, Family::Full, 0.24, weigh(initial_first, spelled.min(0.3), compact));
        add(true, Given::Full, middle, Family::Full, 0.03, weigh(two, spelled, compact));
    }
    add(true, Given::Full, Middle::Absent, Family::Initial, 0.03, single);
    add(false, Given::Full, Middle::Absent, Family::Absent, 0.1, single);
    add(false, Given::Absent, Middle::Absent, Family::Full, 0.025, single);
    add(false, Given::Full, Middle::Absent, Family::Initial, 0.06, [0.2, 0.8, 0.0, 0.0]);
    add(true, Given::Initial, Middle::Absent, Family::Full, 0.025, [0.15, 0.85, 0.0, 0.0]);
    add(false, Given::Initial, Middle::Absent, Family::Initial, 0.004, single);
    add(false, Given::Initial, Middle::Initials, Family::Full, 0.02, single);
    add(false, Given::Initial, Middle::Absent, Family::Cut(7), 0.01, single);
    add(false, Given::Absent, Middle::Absent, Family::Cut(8), 0.004, single);
    add(false, Given::Initial, Middle::Absent, Family::Cut(6), 0.004, single);
    out
}

/// How a hyphenated name part is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Hyphen {
    Joined,
    AsSeparator,
    Kept,
    FirstPart,
}

/// One way of reading a name, with how likely it is.
#[derive(Debug, Clone)]
struct Reading {
    first: String,
    middles: Vec<String>,
    family: String,
    weight: f64,
    german: bool,
    hyphen: Hyphen,
    particles_joined: bool,
}

/// What colleagues' own addresses showed about writing names at this domain.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    german: Option<bool>,
    hyphen: Option<Hyphen>,
    particles_joined: Option<bool>,
}

fn hyphenate(word: &str, style: Hyphen, sep: &str) -> String {
    if !word.contains('-') {
        return word.to_owned();
    }
    match style {
        Hyphen::Joined => word.replace('-', ""),
        Hyphen::AsSeparator => word.replace('-', sep),
        Hyphen::Kept => word.to_owned(),
        Hyphen::FirstPart => word.split('-').next().unwrap_or(word).to_owned(),
    }
}

fn readings(full: &str, german_domain: bool, style: Style) -> Vec<Reading> {
    let mut out = Vec::new();
    let umlaut_forms: Vec<(bool, f64)> = {
        let plain = PersonName::parse(full, false);
        if plain.as_ref().is_some_and(|n| n.has_umlaut) {
            let german_weight = match style.german {
                Some(true) => 0.9,
                Some(false) => 0.1,
                None if german_domain => 0.7,
                None => 0.4,
            };
            vec![(false, 1.0 - german_weight), (true, german_weight)]
        } else {
            vec![(false, 1.0)]
        }
    };
    for (german, w_umlaut) in umlaut_forms {
        let Some(name) = PersonName::parse(full, german) else { continue };
        for (first, middles, family_tokens, w_shape) in shapes(&name) {
            let mut firsts: Vec<(String, f64)> = vec![(first.clone(), 1.0)];
            if let Some(nick) = &name.nickname {
                firsts[0].1 = 0.6;
                firsts.push((nick.clone(), 0.4));
            }
            for alt in also_known_as(&first) {
                firsts.push((alt.to_owned(), 0.01));
            }
            let families: Vec<(String, f64, bool)> = match family_tokens.len() {
                0 => vec![(String::new(), 1.0, true)],
                1 => vec![(family_tokens[0].clone(), 1.0, true)],
                _ => {
                    let joined = family_tokens.concat();
                    let last = family_tokens.last().cloned().unwrap_or_default();
                    let p = match style.particles_joined {
                        Some(true) => 0.9,
                        Some(false) => 0.1,
                        None => 0.5,
                    };
                    let mut f = vec![(joined, p, true), (last, (1.0 - p) * 0.7, false)];
                    // "Balletbo i Serra", "García Márquez": often only the first surname.
                    if let Some(main) = family_tokens.iter().find(|t| !super::person_name::is_particle(t)) {
                        if Some(main) != family_tokens.last() {
                            f.push((main.clone(), (1.0 - p) * 0.3, false));
                        }
                    }
                    f
                }
            };
            let hyphenated = first.contains('-')
                || middles.iter().any(|m| m.contains('-'))
                || families.iter().any(|(f, _, _)| f.contains('-'));
            let hyphens: Vec<(Hyphen, f64)> = if hyphenated {
                let preferred = style.hyphen;
                [(Hyphen::AsSeparator, 0.4), (Hyphen::Joined, 0.35), (Hyphen::Kept, 0.15), (Hyphen::FirstPart, 0.1)]
                    .into_iter()
                    .map(|(h, w)| {
                        (
                            h,
                            if preferred == Some(h) {
                                0.85
                            } else if preferred.is_some() {
                                0.05
                            } else {
                                w
                            },
                        )
                    })
                    .collect()
            } else {
                vec![(Hyphen::Joined, 1.0)]
            };
            for (f, wf) in &firsts {
                for (family, wfam, joined) in &families {
                    for (h, wh) in &hyphens {
                        out.push(Reading {
                            first: f.clone(),
                            middles: middles.clone(),
                            family: family.clone(),
                            weight: w_umlaut * w_shape * wf * wfam * wh,
                            german,
                            hyphen: *h,
                            particles_joined: *joined,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The ways a name's words can split into first name, middle names and surname, with how
/// likely each is: as written; with a trailing initial dropped ("Sandeep Sheriker M"); with two
/// surnames ("Hugues Kamba Mpiana"); with a two-word given name ("Joao Marcos Costa"); or
/// surname first ("Hou Zhiqiang").
fn shapes(name: &PersonName) -> Vec<(String, Vec<String>, Vec<String>, f64)> {
    let given = &name.given;
    let family = &name.family;
    let Some(first) = given.first().cloned() else { return Vec::new() };
    let middles: Vec<String> = given.iter().skip(1).cloned().collect();
    let mut out = vec![(first.clone(), middles.clone(), family.clone(), 1.0)];
    let words: Vec<String> = given.iter().chain(family.iter()).cloned().collect();
    let particles = family.len() > 1;
    // Trailing initials (South Indian names often end in them) may be left out.
    let mut core = words.clone();
    core.truncate(words.len() - name.trailing_initials.min(words.len().saturating_sub(2)));
    if core.len() < words.len() {
        out[0].3 = 0.4;
        let last = core.pop().unwrap_or_default();
        out.push((core[0].clone(), core[1..].to_vec(), vec![last], 0.6));
    }
    if !particles && words.len() >= 3 {
        let n = words.len();
        out.push((first.clone(), words[1..n - 2].to_vec(), vec![format!("{}-{}", words[n - 2], words[n - 1])], 0.1));
        out.push((words[..n - 1].concat(), Vec::new(), vec![words[n - 1].clone()], 0.1));
    }
    if !particles && words.len() == 2 {
        out.push((words[1].clone(), Vec::new(), vec![words[0].clone()], 0.005));
    }
    out
}

/// Builds the local part of an address for a reading, if the pattern applies to the name.
fn render(p: &Pattern, r: &Reading) -> Option<String> {
    let sep = p.sep;
    let first = hyphenate(&r.first, r.hyphen, sep);
    let family = hyphenate(&r.family, r.hyphen, sep);
    let initial = |s: &str| s.chars().find(char::is_ascii_alphanumeric).map(String::from);
    let given = match p.given {
        Given::Full => Some(first.clone()).filter(|s| !s.is_empty()),
        Given::Initial => Some(initial(&first)?),
        Given::Absent => None,
    };
    let middle = match p.middle {
        _ if r.middles.is_empty() => None,
        Middle::Absent => None,
        Middle::Initials => Some(r.middles.iter().filter_map(|m| initial(m)).collect::<String>()),
        Middle::Full => Some(r.middles.iter().map(|m| hyphenate(m, r.hyphen, sep)).collect::<Vec<_>>().join(sep)),
    };
    let last = match p.family {
        Family::Full => Some(family.clone()),
        Family::Initial => initial(&family),
        Family::Cut(n) => Some(family.chars().take(n).collect()),
        Family::Absent => None,
    };
    if (p.family != Family::Absent && family.is_empty()) || (p.given != Given::Absent && first.is_empty()) {
        return None;
    }
    let parts: Vec<String> = if p.last_first { [last, given, middle] } else { [given, middle, last] }
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let local = parts.join(sep);
    let valid = !local.starts_with(['.', '-', '_']) && !local.ends_with(['.', '-', '_']) && !local.contains("..");
    valid.then_some(local)
}

/// A colleague whose work address is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub name: String,
    pub address: String,
}

/// One guessed address.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    pub address: String,
    /// 0 to 1: the share of the evidence behind this address.
    pub confidence: f64,
    /// The pattern that produced it, as a key like `{f}{last}` (stored with a guessed email).
    pub pattern: String,
    /// The pattern in words.
    pub description: String,
}

/// The guess, its alternatives and the reasoning.
#[derive(Debug, Clone, PartialEq)]
pub struct Guessing {
    pub domain: String,
    /// Best first; at most five.
    pub guesses: Vec<Guess>,
    /// One or two sentences saying why.
    pub explanation: String,
    /// Known addresses that no pattern explains (free-form usernames).
    pub unexplained: Vec<String>,
}

/// Why no guess could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuessError {
    #[error("Type the full name of the person to reach.")]
    NoName,
    #[error("Add a known colleague's address, or the company's email domain (like example.com).")]
    NoDomain,
    #[error("\"{0}\" is not an email address.")]
    BadAddress(String),
}

/// The company's pattern as learned from known colleagues (for the company page).
#[derive(Debug, Clone, PartialEq)]
pub struct DomainPattern {
    pub domain: String,
    pub pattern: String,
    pub description: String,
    /// How many known addresses follow it, out of how many.
    pub following: usize,
    pub known: usize,
}

fn split_address(address: &str) -> Result<(String, String), GuessError> {
    let address = address.trim().to_lowercase();
    match address.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && domain.contains('.') => Ok((local.to_owned(), domain.to_owned())),
        _ => Err(GuessError::BadAddress(address)),
    }
}

fn german_domain(domain: &str) -> bool {
    [".de", ".at", ".ch", ".li"].iter().any(|tld| domain.ends_with(tld))
}

/// What one known colleague says about the patterns.
struct Evidence {
    explained: Vec<(usize, Reading)>,
}

fn evidence(known: &Known, local: &str, pats: &[(Pattern, f64)], german: bool) -> Evidence {
    // A trailing number marks a duplicate name ("jdoe2"): compare without it.
    let core = local.trim_end_matches(|c: char| c.is_ascii_digit());
    let core = if core.is_empty() { local } else { core };
    let mut explained = Vec::new();
    for reading in readings(&known.name, german, Style::default()) {
        for (i, (p, _)) in pats.iter().enumerate() {
            // A cut surname only shows when the surname is longer than the cut.
            if matches!(p.family, Family::Cut(n) if reading.family.chars().count() <= n) {
                continue;
            }
            if render(p, &reading).as_deref() == Some(core) {
                // Keep the likeliest reading that explains it.
                match explained.iter_mut().find(|(j, _): &&mut (usize, Reading)| *j == i) {
                    Some(entry) if entry.1.weight >= reading.weight => {}
                    Some(entry) => entry.1 = reading.clone(),
                    None => explained.push((i, reading.clone())),
                }
            }
        }
    }
    Evidence { explained }
}

/// Lowers every pattern a colleague's address does not follow. It is not ruled out (companies
/// have exceptions), but one real address outweighs any general habit. Short logins stay
/// likeliest among themselves: a company that writes `jdoe` writes `johnd` far more often
/// than `john.doe` (in the benchmark's real addresses, a `johnd` colleague's co-workers were
/// `jdoe` 145 times and `johnd` 55 times).
fn exceptions_lower(weight: &mut [f64], pats: &[(Pattern, f64)], ev: &Evidence) {
    let best = ev.explained.iter().map(|(_, r)| r.weight).fold(0.0, f64::max);
    let strong = || ev.explained.iter().filter(|(_, r)| r.weight >= best * 0.5).map(|(i, _)| &pats[*i].0);
    let short = strong().any(Pattern::is_short_login);
    let login = ev.explained.iter().any(|(i, _)| pats[*i].0.is_login());
    for (i, w) in weight.iter_mut().enumerate() {
        let p = &pats[i].0;
        let exception = if short && p.is_short_login() {
            0.3
        } else if login && p.is_login() {
            0.05
        } else if *p == FIRST_DOT_LAST {
            // The commonest format of all is never far away, whatever one colleague shows.
            0.03
        } else {
            0.01
        };
        // A pattern explains the address only as well as the reading of the name it needs
        // ("Lee" as a first name is a stretch when Lee is the surname).
        let explained = ev.explained.iter().find(|(j, _)| *j == i).map_or(0.0, |(_, r)| r.weight / best);
        *w *= explained.max(exception);
    }
}

/// An address no pattern explains still shows how the company writes addresses: with a
/// separator (`aman.deep.singh`) or as a login (`pbhagavatula`). Patterns written the other way
/// are lowered, not ruled out.
fn style_of_unexplained(weight: &mut [f64], pats: &[(Pattern, f64)], local: &str) {
    let core = local.trim_end_matches(|c: char| c.is_ascii_digit());
    let sep = [".", "_", "-"].into_iter().find(|s| core.contains(s));
    for (w, (p, _)) in weight.iter_mut().zip(pats) {
        let alike = match sep {
            Some(sep) => p.sep == sep,
            None => p.is_login(),
        };
        if !alike {
            *w *= 0.3;
        }
    }
}

/// Guesses the address of `target` from known colleagues, at `domain` if given (else the
/// colleagues' domain). Patterns listed in `bounced` (keys) are ruled out for the domain.
///
/// ```
/// use follow_up::domain::finding::email_pattern::{guess, Known};
/// let celia = Known { name: "Celia Stangarone".into(), address: "cstangarone@risesmart.com".into() };
/// let g = guess(&[celia], "John Doe", None, &[]).unwrap();
/// assert_eq!(g.guesses[0].address, "jdoe@risesmart.com");
/// assert_eq!(g.explanation, "Celia Stangarone is cstangarone@risesmart.com: first initial + last name, so John Doe is jdoe@risesmart.com.");
/// ```
pub fn guess(known: &[Known], target: &str, domain: Option<&str>, bounced: &[String]) -> Result<Guessing, GuessError> {
    if PersonName::parse(target, false).is_none() {
        return Err(GuessError::NoName);
    }
    let mut parsed = Vec::new();
    for k in known {
        parsed.push((k, split_address(&k.address)?));
    }
    let domain = match domain.map(|d| d.trim().trim_start_matches('@').to_lowercase()).filter(|d| d.contains('.')) {
        Some(d) => d,
        None => {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for (_, (_, d)) in &parsed {
                *counts.entry(d.as_str()).or_default() += 1;
            }
            counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(d, _)| d.to_owned())
                .ok_or(GuessError::NoDomain)?
        }
    };
    let colleagues: Vec<(&Known, String)> =
        parsed.into_iter().filter(|(_, (_, d))| *d == domain).map(|(k, (local, _))| (k, local)).collect();
    let german = german_domain(&domain);
    let pats = patterns();

    // Weigh each pattern by the colleagues it explains; learn their name-writing style.
    let is_bounced = |p: &Pattern| bounced.contains(&p.key()) || bounced.contains(&p.without_middle().key());
    let mut weight: Vec<f64> = pats.iter().map(|(p, prior)| if is_bounced(p) { 0.0 } else { *prior }).collect();
    let mut style = Style::default();
    let mut unexplained = Vec::new();
    let mut explained_by: Vec<Vec<usize>> = Vec::new();
    for (k, local) in &colleagues {
        let ev = evidence(k, local, &pats, german);
        if ev.explained.is_empty() {
            unexplained.push(format!("{local}@{domain}"));
            style_of_unexplained(&mut weight, &pats, local);
            continue;
        }
        exceptions_lower(&mut weight, &pats, &ev);
        // The readings that explained the address show how this domain writes names.
        let name_has = |pred: fn(&Reading) -> bool| readings(&k.name, german, Style::default()).iter().any(pred);
        if let Some((_, r)) =
            ev.explained.iter().max_by(|a, b| (pats[a.0].1 * a.1.weight).total_cmp(&(pats[b.0].1 * b.1.weight)))
        {
            if name_has(|r| r.german) {
                style.german = Some(r.german);
            }
            if k.name.contains('-') {
                style.hyphen = Some(r.hyphen);
            }
            if name_has(|r| !r.particles_joined) {
                style.particles_joined = Some(r.particles_joined);
            }
        }
        // Strong explanations only: those needing an unlikely reading of the name do not count.
        let best = ev.explained.iter().map(|(_, r)| r.weight).fold(0.0, f64::max);
        explained_by.push(ev.explained.iter().filter(|(_, r)| r.weight >= best * 0.5).map(|(i, _)| *i).collect());
    }

    // With a single colleague, what their address shows stays ahead of what is merely common
    // (several colleagues vote instead), except among short logins, which companies mix.
    if let [only] = explained_by.as_slice() {
        let shown = only.iter().map(|i| weight[*i]).fold(0.0, f64::max);
        let short = only.iter().any(|i| pats[*i].0.is_short_login());
        for (i, w) in weight.iter_mut().enumerate().filter(|_| shown > 0.0) {
            if !(only.contains(&i) || short && pats[i].0.is_short_login()) {
                *w = w.min(shown * 0.5);
            }
        }
    }

    // Score every address the target's name can make under every pattern. Middle-name
    // patterns build the same address as the plain one for a name without middle names, so
    // they only count where there are middle names.
    // Per address: its score, the pattern credited with it, and that pattern's share.
    let mut scores: HashMap<String, (f64, usize, f64)> = HashMap::new();
    for reading in readings(target, german, style) {
        for (i, (p, _)) in pats.iter().enumerate() {
            if weight[i] <= 0.0 || (reading.middles.is_empty() && p.middle != Middle::Absent) {
                continue;
            }
            if let Some(local) = render(p, &reading) {
                let entry = scores.entry(local).or_insert((0.0, i, 0.0));
                // Credit the address to the simplest pattern that builds it, then to the one
                // that gives it most weight with the reading it needs: for a name without middle
                // names "first.last" rather than "first.middle.last"; for djohn "last initial +
                // first name" rather than "first initial + last name" of the name reversed.
                let share = weight[i] * reading.weight;
                let plain = |k: usize| pats[k].0.middle == Middle::Absent;
                let better = match (reading.middles.is_empty(), plain(i), plain(entry.1)) {
                    (true, true, false) => true,
                    (true, false, true) => false,
                    _ => share > entry.2,
                };
                if better {
                    entry.1 = i;
                    entry.2 = share;
                }
                entry.0 += share;
            }
        }
    }
    let total: f64 = scores.values().map(|(s, _, _)| s).sum();
    let mut ranked: Vec<(String, f64, usize)> = scores.into_iter().map(|(l, (s, i, _))| (l, s, i)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let doubt =
        if colleagues.is_empty() { 1.0 } else { 1.0 - 0.5 * unexplained.len() as f64 / colleagues.len() as f64 };
    let guesses: Vec<Guess> = ranked
        .into_iter()
        .take(5)
        .map(|(local, score, i)| Guess {
            address: format!("{local}@{domain}"),
            confidence: if total > 0.0 { (score / total * doubt).clamp(0.0, 1.0) } else { 0.0 },
            pattern: pats[i].0.key(),
            description: pats[i].0.describe(),
        })
        .collect();
    let own: Own = match (explained_by.as_slice(), guesses.first()) {
        ([only], Some(best)) if !only.iter().any(|i| pats[*i].0.key() == best.pattern) => {
            only.iter().max_by(|a, b| pats[**a].1.total_cmp(&pats[**b].1)).and_then(|i| {
                let reading =
                    readings(target, german, style).into_iter().max_by(|a, b| a.weight.total_cmp(&b.weight))?;
                let local = render(&pats[*i].0, &reading)?;
                Some((pats[*i].0.describe(), format!("{local}@{domain}")))
            })
        }
        _ => None,
    };
    let explanation = explain(own, &colleagues, &explained_by, &unexplained, &guesses, target, &domain, &pats);
    Ok(Guessing { domain, guesses, explanation, unexplained })
}

/// The words for the pattern one colleague's address shows and the target's address under it,
/// when that is not the best guess (short logins, which companies mix).
type Own = Option<(String, String)>;

#[allow(clippy::too_many_arguments)]
fn explain(
    own: Own,
    colleagues: &[(&Known, String)],
    explained_by: &[Vec<usize>],
    unexplained: &[String],
    guesses: &[Guess],
    target: &str,
    domain: &str,
    pats: &[(Pattern, f64)],
) -> String {
    let Some(best) = guesses.first() else {
        return format!("No address could be built from \"{target}\".");
    };
    let target = target.trim();
    let mut text = match (colleagues, explained_by) {
        ([], _) => format!(
            "No known colleague at {domain} yet, so this uses the most common formats: {}, so {target} is probably {}.",
            best.description, best.address
        ),
        ([(k, _)], [_]) => {
            let who = format!("{} is {}", k.name.trim(), k.address.trim().to_lowercase());
            match own {
                Some((shown, address)) => format!(
                    "{who}: {shown}. Companies that give short logins mix them, and {} is the most common, so {target} is {} or {address}.",
                    best.description, best.address
                ),
                None => format!("{who}: {}, so {target} is {}.", best.description, best.address),
            }
        }
        _ => {
            let following = explained_by.iter().filter(|e| e.iter().any(|i| pats[*i].0.key() == best.pattern)).count();
            let known = colleagues.len();
            let exceptions = known - following - unexplained.len();
            let mostly = if following == known {
                format!("all {known} known addresses at {domain} follow")
            } else {
                format!("{following} of {known} known addresses at {domain} follow")
            };
            let exception_note = match exceptions {
                0 => String::new(),
                1 => " (one exception)".to_owned(),
                n => format!(" ({n} exceptions)"),
            };
            format!("{mostly} {}{exception_note}, so {target} is {}.", best.description, best.address)
        }
    };
    if !unexplained.is_empty() {
        let list = unexplained.join(", ");
        let those = if unexplained.len() == 1 { "address follows" } else { "addresses follow" };
        text.push_str(&format!(
            " {} {those} no pattern from the name ({list}), so the guess is less certain.",
            unexplained.len()
        ));
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// Reads known colleagues typed one per line as "Full Name, address" (or "Full Name <address>");
/// lines without an address are skipped.
///
/// ```
/// use follow_up::domain::finding::email_pattern::parse_known;
/// let k = parse_known("Celia Stangarone, cstangarone@risesmart.com\nAnn Lee <alee@risesmart.com>\nno address");
/// assert_eq!(k.len(), 2);
/// assert_eq!((k[1].name.as_str(), k[1].address.as_str()), ("Ann Lee", "alee@risesmart.com"));
/// ```
pub fn parse_known(text: &str) -> Vec<Known> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let (name, address) = line.rsplit_once(',').or_else(|| line.rsplit_once(' '))?;
            let address = address.trim().trim_matches(['<', '>']).trim();
            let name = name.trim().trim_end_matches('<').trim();
            (address.contains('@') && !name.is_empty())
                .then(|| Known { name: name.to_owned(), address: address.to_owned() })
        })
        .collect()
}

/// The patterns a known address follows (as keys, simplest first); empty for a free-form one.
pub fn patterns_of(known: &Known) -> Vec<String> {
    let Ok((local, domain)) = split_address(&known.address) else { return Vec::new() };
    let pats = patterns();
    let ev = evidence(known, &local, &pats, german_domain(&domain));
    let mut found: Vec<(bool, f64, String)> = ev
        .explained
        .iter()
        .map(|(i, _)| (pats[*i].0.middle != Middle::Absent, -pats[*i].1, pats[*i].0.key()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    found.into_iter().map(|(_, _, k)| k).collect()
}

/// The pattern most known addresses at a domain follow, if any.
pub fn domain_pattern(known: &[Known], domain: &str) -> Option<DomainPattern> {
    let pats = patterns();
    let german = german_domain(domain);
    let mut weight: Vec<f64> = pats.iter().map(|(_, w)| *w).collect();
    let mut explained: Vec<Vec<usize>> = Vec::new();
    let mut count = 0;
    for k in known {
        let Ok((local, d)) = split_address(&k.address) else { continue };
        if d != domain {
            continue;
        }
        count += 1;
        let ev = evidence(k, &local, &pats, german);
        if ev.explained.is_empty() {
            continue;
        }
        exceptions_lower(&mut weight, &pats, &ev);
        explained.push(ev.explained.iter().map(|(i, _)| *i).collect());
    }
    if explained.is_empty() {
        return None;
    }
    // Without middle names among the known people, a middle-name pattern is indistinguishable
    // from the plain one: describe the plain one.
    let any_middle = known.iter().any(|k| PersonName::parse(&k.name, german).is_some_and(|n| n.given.len() > 1));
    let (best, _) = weight
        .iter()
        .enumerate()
        .filter(|(i, _)| any_middle || pats[*i].0.middle == Middle::Absent)
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    let following = explained.iter().filter(|e| e.contains(&best)).count();
    Some(DomainPattern {
        domain: domain.to_owned(),
        pattern: pats[best].0.key(),
        description: pats[best].0.describe(),
        following,
        known: count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(name: &str, address: &str) -> Known {
        Known { name: name.into(), address: address.into() }
    }

    fn top(known: &[Known], target: &str) -> String {
        guess(known, target, None, &[]).unwrap().guesses[0].address.clone()
    }

    #[test]
    fn the_guides_example_comes_out_exactly() {
        let g = guess(&[known("Celia Stangarone", "cstangarone@risesmart.com")], "John Doe", None, &[]).unwrap();
        assert_eq!(g.guesses[0].address, "jdoe@risesmart.com");
        assert_eq!(g.guesses[0].pattern, "{f}{last}");
        assert_eq!(g.explanation, "Celia Stangarone is cstangarone@risesmart.com: first initial + last name, so John Doe is jdoe@risesmart.com.");
    }

    #[test]
    fn each_basic_pattern_is_learned_from_one_colleague() {
        let cases = [
            ("ann.lee", "john.doe"),
            ("annlee", "johndoe"),
            ("ann_lee", "john_doe"),
            ("ann-lee", "john-doe"),
            ("alee", "jdoe"),
            ("a.lee", "j.doe"),
            ("ann", "john"),
            ("lee", "doe"),
            ("lee.ann", "doe.john"),
            ("ann.l", "john.d"),
        ];
        for (ann, john) in cases {
            assert_eq!(
                top(&[known("Ann Lee", &format!("{ann}@example.com"))], "John Doe"),
                format!("{john}@example.com"),
                "from {ann}"
            );
        }
    }

    #[test]
    fn a_short_login_from_one_colleague_is_weighed_against_the_common_one() {
        for (ann, john) in [("annl", "johnd"), ("leea", "doej"), ("lann", "djohn")] {
            let g = guess(&[known("Ann Lee", &format!("{ann}@example.com"))], "John Doe", None, &[]).unwrap();
            let top: Vec<&str> = g.guesses.iter().take(2).map(|x| x.address.as_str()).collect();
            assert_eq!(top, ["jdoe@example.com".to_owned(), format!("{john}@example.com")], "from {ann}");
            assert!(g.explanation.contains("mix them"), "{}", g.explanation);
        }
        let g = guess(&[known("Ann Lee", "annl@example.com")], "John Doe", None, &[]).unwrap();
        assert_eq!(
            g.explanation,
            "Ann Lee is annl@example.com: first name + last initial. Companies that give short logins mix them, \
             and first initial + last name is the most common, so John Doe is jdoe@example.com or johnd@example.com."
        );
        // Two colleagues who agree outvote the general habit.
        let two = [known("Ann Lee", "annl@example.com"), known("Bo Chan", "boc@example.com")];
        assert_eq!(top(&two, "John Doe"), "johnd@example.com");
    }

    #[test]
    fn each_alternative_names_the_pattern_that_makes_it() {
        // Not a reading of the name reversed: djohn is "last initial + first name", so bouncing
        // it rules out that pattern, not first initial + last name.
        let g = guess(&[known("Ann Lee", "alee@example.com")], "John Doe", None, &[]).unwrap();
        assert!(g.guesses.iter().any(|x| x.address == "djohn@example.com"));
        for x in &g.guesses {
            let expected = match x.address.split('@').next() {
                Some("jdoe") => "{f}{last}",
                Some("johnd") => "{first}{l}",
                Some("djohn") => "{l}{first}",
                Some("doej") => "{last}{f}",
                Some("john") => "{first}",
                _ => continue,
            };
            assert_eq!(x.pattern, expected, "{}", x.address);
        }
    }

    #[test]
    fn an_unexplained_address_still_shows_the_company_style() {
        // A free-form login (no separator) makes login formats likelier than first.last.
        assert_eq!(top(&[known("Pavan Nikhilesh", "pbhagavatula@example.com")], "John Doe"), "jdoe@example.com");
        // A dotted one keeps first.last ahead.
        assert_eq!(top(&[known("Aman Singh", "aman.deep.singh@example.com")], "John Doe"), "john.doe@example.com");
        let g = guess(&[known("Pavan Nikhilesh", "pbhagavatula@example.com")], "John Doe", None, &[]).unwrap();
        assert_eq!(g.unexplained, ["pbhagavatula@example.com"]);
    }

    #[test]
    fn middle_names_and_initials() {
        assert_eq!(
            top(&[known("Ann Marie Lee", "ann.m.lee@example.com")], "John Quincy Doe"),
            "john.q.doe@example.com"
        );
        assert_eq!(
            top(&[known("Ann Marie Lee", "ann.marie.lee@example.com")], "John Quincy Doe"),
            "john.quincy.doe@example.com"
        );
        assert_eq!(top(&[known("Ann Marie Lee", "amlee@example.com")], "John Quincy Doe"), "jqdoe@example.com");
    }

    #[test]
    fn a_trailing_number_and_a_cut_surname_are_recognised() {
        assert_eq!(top(&[known("Ann Lee", "alee2@example.com")], "John Doe"), "jdoe@example.com");
        assert_eq!(
            top(&[known("Celia Stangarone", "cstangar@example.com")], "John Washington"),
            "jwashing@example.com"
        );
    }

    #[test]
    fn particles_hyphens_and_umlauts_follow_the_colleagues() {
        assert_eq!(
            top(&[known("Ludwig van der Berg", "ludwig.vanderberg@example.nl")], "Anna de Vries"),
            "anna.devries@example.nl"
        );
        assert_eq!(
            top(&[known("Ludwig van der Berg", "ludwig.berg@example.nl")], "Anna de Vries"),
            "anna.vries@example.nl"
        );
        assert_eq!(
            top(&[known("Chin-Liang See", "chin.liang.see@example.com")], "Mei-Ling Wu"),
            "mei.ling.wu@example.com"
        );
        assert_eq!(
            top(&[known("Jürgen Groß", "juergen.gross@example.com")], "Björn Müller"),
            "bjoern.mueller@example.com"
        );
        assert_eq!(
            top(&[known("Jürgen Groß", "jurgen.gross@example.com")], "Björn Müller"),
            "bjorn.muller@example.com"
        );
        // With no colleague evidence, a German domain prefers the long forms.
        assert_eq!(
            top(&[known("Anna Schmidt", "anna.schmidt@example.de")], "Björn Müller"),
            "bjoern.mueller@example.de"
        );
        let alternatives: Vec<String> =
            guess(&[known("Anna Schmidt", "anna.schmidt@example.de")], "Björn Müller", None, &[])
                .unwrap()
                .guesses
                .into_iter()
                .map(|g| g.address)
                .collect();
        assert!(alternatives.contains(&"bjorn.muller@example.de".to_owned()), "{alternatives:?}");
    }

    #[test]
    fn names_as_people_write_them() {
        let k = [known("Ann Lee", "ann.lee@example.com")];
        assert_eq!(top(&k, "Doe, John"), "john.doe@example.com");
        assert_eq!(top(&k, "Dr. John Doe Jr."), "john.doe@example.com");
        assert_eq!(top(&k, "Seán O'Brien"), "sean.obrien@example.com");
        let with_nickname: Vec<String> =
            guess(&k, "Robert (Bob) Smith", None, &[]).unwrap().guesses.into_iter().map(|g| g.address).collect();
        assert_eq!(&with_nickname[..2], ["robert.smith@example.com", "bob.smith@example.com"]);
    }

    #[test]
    fn several_colleagues_vote_and_an_exception_is_named() {
        let k = [
            known("Ann Lee", "ann.lee@example.com"),
            known("Bo Chen", "bo.chen@example.com"),
            known("Cy Diaz", "cdiaz@example.com"),
        ];
        let g = guess(&k, "John Doe", None, &[]).unwrap();
        assert_eq!(g.guesses[0].address, "john.doe@example.com");
        assert_eq!(g.explanation, "2 of 3 known addresses at example.com follow first name + \".\" + last name (one exception), so John Doe is john.doe@example.com.");
        assert!(g.guesses.iter().any(|x| x.address == "jdoe@example.com"));
    }

    #[test]
    fn a_free_form_username_is_reported_and_lowers_confidence() {
        let clean = guess(&[known("Ann Lee", "ann.lee@example.com")], "John Doe", None, &[]).unwrap();
        let k = [known("Ann Lee", "ann.lee@example.com"), known("Bo Chen", "dragonfly@example.com")];
        let g = guess(&k, "John Doe", None, &[]).unwrap();
        assert_eq!(g.unexplained, ["dragonfly@example.com"]);
        assert!(
            g.explanation.ends_with(
                "1 address follows no pattern from the name (dragonfly@example.com), so the guess is less certain."
            ),
            "{}",
            g.explanation
        );
        assert!(g.guesses[0].confidence < clean.guesses[0].confidence);
    }

    #[test]
    fn a_bounced_pattern_is_not_suggested_again() {
        let k = [known("Celia Stangarone", "cstangarone@risesmart.com")];
        let g = guess(&k, "John Doe", None, &["{f}{last}".to_owned()]).unwrap();
        assert_ne!(g.guesses[0].address, "jdoe@risesmart.com");
    }

    #[test]
    fn without_colleagues_the_domain_alone_gives_the_common_formats() {
        let g = guess(&[], "John Doe", Some("example.org"), &[]).unwrap();
        let top3: Vec<&str> = g.guesses.iter().take(3).map(|x| x.address.as_str()).collect();
        assert_eq!(top3, ["john.doe@example.org", "jdoe@example.org", "johndoe@example.org"]);
        assert_eq!(guess(&[], "John Doe", None, &[]), Err(GuessError::NoDomain));
        assert_eq!(guess(&[], "  ", Some("example.org"), &[]), Err(GuessError::NoName));
        assert!(matches!(
            guess(&[known("A B", "not-an-address")], "John Doe", None, &[]),
            Err(GuessError::BadAddress(_))
        ));
    }

    #[test]
    fn the_domain_pattern_summarises_known_addresses() {
        let k = [
            known("Ann Lee", "alee@acme.com"),
            known("Bo Chen", "bchen@acme.com"),
            known("Cy Diaz", "cy.diaz@acme.com"),
        ];
        let p = domain_pattern(&k, "acme.com").unwrap();
        assert_eq!((p.pattern.as_str(), p.following, p.known), ("{f}{last}", 2, 3));
        assert_eq!(p.description, "first initial + last name");
    }
}
