//! Recording people, conversations and opportunities: the changes a user makes and what
//! they see afterwards.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use follow_up::domain::{
    CompanyKey, ContactDraft, ContactId, ConversationDraft, ConversationId, EditError, OpportunityDraft, OpportunityId,
    Part, Records, Removed, Role, Stage,
};

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap().and_hms_opt(hour, 0, 0).unwrap()
}

fn person(r: &mut Records, raw: u128, name: &str, company: &str) -> ContactId {
    let id = ContactId::from_raw(raw);
    r.add_contact(id, &ContactDraft { name: name.into(), company: company.into(), ..Default::default() }, at(1, 9))
        .unwrap();
    id
}

fn talk(r: &mut Records, raw: u128, with: ContactId, when: NaiveDateTime, points: &str) {
    let mut d = ConversationDraft::new(when);
    d.key_points = points.into();
    r.log_conversation(ConversationId::from_raw(raw), with, &d, at(27, 9)).unwrap();
}

#[test]
fn conversations_show_newest_first() {
    let mut r = Records::default();
    let ann = person(&mut r, 1, "Ann", "Acme");
    talk(&mut r, 10, ann, at(3, 9), "coffee");
    talk(&mut r, 11, ann, at(20, 15), "interview prep");
    talk(&mut r, 12, ann, at(10, 12), "intro to Bob");
    let points: Vec<_> = r.conversations_with(ann).iter().map(|c| c.key_points.as_str()).collect();
    assert_eq!(points, ["interview prep", "intro to Bob", "coffee"]);
    assert_eq!(r.last_conversation_with(ann).unwrap().key_points, "interview prep");
}

#[test]
fn an_edit_that_fails_validation_changes_nothing() {
    let mut r = Records::default();
    let ann = person(&mut r, 1, "Ann", "Acme");
    let before = r.clone();
    let bad = ContactDraft { name: "Ann".into(), linkedin_url: "javascript:alert(1)".into(), ..Default::default() };
    assert!(matches!(r.update_contact(ann, &bad, at(2, 9)), Err(EditError::Invalid(_))));
    assert_eq!(r, before);
}

#[test]
fn editing_a_person_keeps_their_history_and_stamps_the_edit() {
    let mut r = Records::default();
    let ann = person(&mut r, 1, "Ann", "Acme");
    talk(&mut r, 10, ann, at(3, 9), "coffee");
    let edit = ContactDraft {
        name: "Ann Lee".into(),
        company: "Globex".into(),
        role: Role::HiringManager,
        ..Default::default()
    };
    r.update_contact(ann, &edit, at(4, 9)).unwrap();
    let c = r.contact(ann).unwrap();
    assert_eq!((c.name.as_str(), c.company.as_str(), c.role), ("Ann Lee", "Globex", Role::HiringManager));
    assert_eq!((c.created_at, c.updated_at), (at(1, 9), at(4, 9)));
    assert_eq!(r.conversations_with(ann).len(), 1);
}

#[test]
fn deleting_a_person_removes_their_conversations_and_links_but_not_the_people_they_introduced() {
    let mut r = Records::default();
    let ann = person(&mut r, 1, "Ann", "Acme");
    let bob = ContactId::from_raw(2);
    r.add_contact(bob, &ContactDraft { name: "Bob".into(), introduced_by: Some(ann), ..Default::default() }, at(1, 9))
        .unwrap();
    talk(&mut r, 10, ann, at(3, 9), "coffee");
    talk(&mut r, 11, bob, at(3, 9), "call");
    let opp = OpportunityId::from_raw(5);
    r.add_opportunity(
        opp,
        &OpportunityDraft { company: "Acme".into(), role: "Dev".into(), ..Default::default() },
        Stage::Applied,
        at(2, 0).date(),
        at(2, 9),
    )
    .unwrap();
    r.link_person(opp, ann, Part::Referrer, at(2, 9)).unwrap();
    r.link_person(opp, bob, Part::Interviewer, at(2, 9)).unwrap();

    let expected = Removed { conversations: 1, opportunity_links: 1, introductions: 1 };
    assert_eq!(r.removal_of(ann), expected);
    assert_eq!(r.delete_contact(ann, at(5, 9)), Ok(expected));

    assert!(r.contact(ann).is_none());
    assert_eq!(r.contact(bob).unwrap().introduced_by, None);
    assert_eq!(r.conversations.len(), 1);
    assert_eq!(r.opportunity(opp).unwrap().people.len(), 1);
    assert_eq!(r.delete_contact(ann, at(5, 9)), Err(EditError::NotFound));
}

#[test]
fn the_board_groups_opportunities_by_stage_in_pipeline_order() {
    let mut r = Records::default();
    for (raw, company, stage) in
        [(1, "Acme", Stage::Applied), (2, "Globex", Stage::Interviewing), (3, "Initech", Stage::Applied)]
    {
        let d = OpportunityDraft { company: company.into(), role: "Dev".into(), ..Default::default() };
        r.add_opportunity(OpportunityId::from_raw(raw), &d, stage, at(raw as u32, 0).date(), at(raw as u32, 9))
            .unwrap();
    }
    let board = r.board();
    let stages: Vec<Stage> = board.iter().map(|(s, _)| *s).collect();
    assert_eq!(stages, Stage::ALL);
    let applied: Vec<_> = board[1].1.iter().map(|o| o.company.as_str()).collect();
    assert_eq!(applied, ["Initech", "Acme"], "most recently moved first");
    assert_eq!(board[2].1.len(), 1);

    r.move_stage(OpportunityId::from_raw(1), Stage::Interviewing, at(9, 0).date(), at(9, 9)).unwrap();
    assert_eq!(r.board()[2].1.len(), 2);
}

#[test]
fn a_company_page_shows_everyone_and_every_opportunity_there() {
    let mut r = Records::default();
    person(&mut r, 1, "Ann", "Acme Inc.");
    person(&mut r, 2, "Bob", "acme");
    person(&mut r, 3, "Cy", "Globex");
    let archived = person(&mut r, 4, "Dee", "ACME");
    r.set_archived(archived, true, at(2, 9)).unwrap();
    let d = OpportunityDraft { company: "Acme".into(), role: "Dev".into(), ..Default::default() };
    r.add_opportunity(OpportunityId::from_raw(9), &d, Stage::Interested, at(2, 0).date(), at(2, 9)).unwrap();

    let acme = r.company(&CompanyKey::of("ACME").unwrap());
    let names: Vec<_> = acme.people.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bob", "Dee"], "archived people last");
    assert_eq!(acme.opportunities.len(), 1);

    let companies = r.companies();
    let summary: Vec<_> = companies.iter().map(|c| (c.name.as_str(), c.people, c.opportunities)).collect();
    assert_eq!(summary, [("Acme", 2, 1), ("Globex", 1, 0)]);
}

#[test]
fn a_conversation_cannot_be_logged_for_someone_who_was_deleted() {
    let mut r = Records::default();
    let ghost = ContactId::from_raw(99);
    let d = ConversationDraft::new(at(3, 9));
    assert!(matches!(r.log_conversation(ConversationId::from_raw(1), ghost, &d, at(3, 9)), Err(EditError::NotFound)));
}

#[test]
fn deleting_an_opportunity_keeps_the_conversations_about_it() {
    let mut r = Records::default();
    let ann = person(&mut r, 1, "Ann", "Acme");
    let opp = OpportunityId::from_raw(5);
    r.add_opportunity(
        opp,
        &OpportunityDraft { company: "Acme".into(), role: "Dev".into(), ..Default::default() },
        Stage::Applied,
        at(2, 0).date(),
        at(2, 9),
    )
    .unwrap();
    let mut d = ConversationDraft::new(at(3, 9));
    d.opportunity_id = Some(opp);
    r.log_conversation(ConversationId::from_raw(7), ann, &d, at(3, 9)).unwrap();
    r.delete_opportunity(opp, at(4, 9)).unwrap();
    assert_eq!(r.conversations.len(), 1);
    assert_eq!(r.conversations[0].opportunity_id, None);
}

#[test]
fn a_person_can_hold_several_parts_but_each_only_once() {
    let mut r = Records::default();
    let ann = person(&mut r, 1, "Ann", "Acme");
    let opp = OpportunityId::from_raw(5);
    r.add_opportunity(
        opp,
        &OpportunityDraft { company: "Acme".into(), role: "Dev".into(), ..Default::default() },
        Stage::Applied,
        at(2, 0).date(),
        at(2, 9),
    )
    .unwrap();
    r.link_person(opp, ann, Part::Recruiter, at(2, 9)).unwrap();
    r.link_person(opp, ann, Part::Recruiter, at(2, 9)).unwrap();
    r.link_person(opp, ann, Part::Interviewer, at(2, 9)).unwrap();
    assert_eq!(r.opportunity(opp).unwrap().people.len(), 2);
    assert_eq!(r.opportunities_of(ann).len(), 2);
    r.unlink_person(opp, ann, Part::Recruiter, at(3, 9)).unwrap();
    assert_eq!(r.opportunities_of(ann), vec![(r.opportunity(opp).unwrap(), Part::Interviewer)]);
    assert!(matches!(r.link_person(opp, ContactId::from_raw(42), Part::Helped, at(3, 9)), Err(EditError::Invalid(_))));
}
