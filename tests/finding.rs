//! Finding who to contact: the guesser learning from the app's own contacts, confirm and
//! bounce, and properties of every guess and every LinkedIn link.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use follow_up::domain::finding::email_pattern::{guess, Known};
use follow_up::domain::finding::linkedin_search::{searches, SearchRequest};
use follow_up::domain::{CompanyKey, EmailStatus};
use proptest::prelude::*;
use support::{t, Scenario};

fn at_risesmart(s: &mut Scenario, name: &str, email: &str) -> follow_up::domain::ContactId {
    s.person_with(name, |c| {
        c.company = "RiseSmart".into();
        c.email = email.into();
    })
}

#[test]
fn contacts_with_known_addresses_teach_the_company_format_and_a_guess_is_stored_as_guessed() {
    let mut s = Scenario::default();
    at_risesmart(&mut s, "Celia Stangarone", "cstangarone@risesmart.com");
    at_risesmart(&mut s, "Ann Lee", "alee@risesmart.com");
    let john = at_risesmart(&mut s, "John Doe", "");
    let key = CompanyKey::of("RiseSmart").unwrap();
    let patterns = s.records.company_email_patterns(&key);
    assert_eq!(patterns.len(), 1);
    assert_eq!(
        (patterns[0].domain.as_str(), patterns[0].pattern.as_str(), patterns[0].following, patterns[0].known),
        ("risesmart.com", "{f}{last}", 2, 2)
    );

    let g = s.records.guess_email_for(john).unwrap();
    assert_eq!(g.guesses[0].address, "jdoe@risesmart.com");
    s.records.take_email_guess(john, &g.guesses[0], t("2026-11-27 10:00")).unwrap();
    let email = s.records.contact(john).unwrap().email.clone().unwrap();
    assert_eq!(
        (email.address.as_str(), email.status, email.pattern.as_deref()),
        ("jdoe@risesmart.com", EmailStatus::Guessed, Some("{f}{last}"))
    );
}

#[test]
fn a_confirmed_guess_becomes_known_and_a_bounce_rules_its_format_out() {
    let mut s = Scenario::default();
    at_risesmart(&mut s, "Celia Stangarone", "cstangarone@risesmart.com");
    let john = at_risesmart(&mut s, "John Doe", "");
    let jane = at_risesmart(&mut s, "Jane Roe", "");
    let g = s.records.guess_email_for(john).unwrap();
    s.records.take_email_guess(john, &g.guesses[0], t("2026-11-27 10:00")).unwrap();
    s.records.email_bounced(john, t("2026-11-28 10:00")).unwrap();
    assert_eq!(s.records.contact(john).unwrap().email, None);
    assert_eq!(s.records.bounced_patterns("risesmart.com"), ["{f}{last}"]);
    assert_ne!(s.records.guess_email_for(jane).unwrap().guesses[0].address, "jroe@risesmart.com");

    let g = s.records.guess_email_for(jane).unwrap();
    s.records.take_email_guess(jane, &g.guesses[0], t("2026-11-28 11:00")).unwrap();
    s.records.confirm_email(jane, t("2026-11-29 10:00")).unwrap();
    assert_eq!(s.records.contact(jane).unwrap().email.as_ref().unwrap().status, EmailStatus::Known);
    assert_eq!(s.records.known_colleagues("risesmart.com").len(), 2, "a confirmed address teaches the guesser");
}

#[test]
fn a_company_without_known_addresses_says_what_is_missing() {
    let mut s = Scenario::default();
    let john = s.person_with("John Doe", |c| c.company = "Acme".into());
    let err = s.records.guess_email_for(john).unwrap_err();
    assert!(err.to_string().contains("domain"), "{err}");
}

proptest! {
    #[test]
    fn every_guess_is_a_valid_address_at_the_domain(
        colleague in "[A-Za-zÀ-ÿ' -]{1,30}",
        local in "[a-z0-9._-]{1,20}",
        target in "\\PC{0,40}",
    ) {
        let known = [Known { name: colleague, address: format!("{local}@example.co.uk") }];
        if let Ok(g) = guess(&known, &target, Some("example.co.uk"), &[]) {
            for x in g.guesses {
                prop_assert!(x.address.ends_with("@example.co.uk"), "{}", x.address);
                prop_assert_eq!(follow_up::domain::validate::email_problem(&x.address), None, "{}", x.address);
                prop_assert!((0.0..=1.0).contains(&x.confidence));
            }
        }
    }

    #[test]
    fn every_linkedin_link_parses_and_decodes_back_to_what_was_typed(company in "\\PC{1,40}", role in "\\PC{0,30}", location in "\\PC{0,20}") {
        let req = SearchRequest { company: company.clone(), role: role.clone(), location: location.clone() };
        for s in searches(&req) {
            let url = url::Url::parse(&s.linkedin_url).expect("parses");
            prop_assert_eq!(url.host_str(), Some("www.linkedin.com"));
            prop_assert_eq!(url.path(), "/search/results/people/");
            let pairs: std::collections::HashMap<String, String> = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
            prop_assert_eq!(&pairs["company"], company.trim());
            prop_assert_eq!(&pairs["titleFreeText"], &s.title);
            let xray = url::Url::parse(&s.xray_url).expect("parses");
            let q: String = xray.query_pairs().find(|(k, _)| k == "q").map(|(_, v)| v.into_owned()).unwrap_or_default();
            prop_assert_eq!(q, s.xray_query.clone());
        }
    }
}

#[test]
fn awkward_company_names_survive_the_round_trip() {
    for company in [
        "AT&T",
        "Procter & Gamble",
        "C# Labs",
        "Google+",
        "\"Quotes\" Inc",
        "Société Générale",
        "株式会社メルカリ",
        "Яндекс",
        "100% Pure",
    ] {
        let s = searches(&SearchRequest { company: company.into(), ..Default::default() });
        let url = url::Url::parse(&s[0].linkedin_url).unwrap();
        let got = url.query_pairs().find(|(k, _)| k == "company").map(|(_, v)| v.into_owned());
        assert_eq!(got.as_deref(), Some(company), "{}", s[0].linkedin_url);
    }
}
