//! People, conversations and opportunities as CSV for spreadsheets. A cell that begins with
//! `=`, `+`, `-` or `@` (or a tab or carriage return) is prefixed with `'` so a spreadsheet
//! shows it as text instead of running it as a formula.

use crate::domain::records::Records;

/// A cell a spreadsheet cannot mistake for a formula.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a failed row is simply left out.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| neutralise(c)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Everyone, one row each.
pub fn people_csv(r: &Records) -> String {
    write(
        &[
            "Name",
            "Company",
            "Title",
            "Role",
            "Email",
            "Email status",
            "Phone",
            "LinkedIn",
            "Prefers",
            "How we met",
            "Introduced by",
            "Notes",
            "Archived",
        ],
        r.contacts.iter().map(|c| {
            vec![
                c.name.clone(),
                c.company.clone(),
                c.title.clone(),
                c.role.label().to_owned(),
                c.email.as_ref().map(|e| e.address.clone()).unwrap_or_default(),
                c.email.as_ref().map(|e| e.status.label().to_owned()).unwrap_or_default(),
                c.phone.clone(),
                c.linkedin_url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
                c.preferred_channel.map(|p| p.label().to_owned()).unwrap_or_default(),
                c.how_we_met.clone(),
                c.introduced_by.and_then(|i| r.contact(i)).map(|i| i.name.clone()).unwrap_or_default(),
                c.notes.clone(),
                if c.archived { "yes".into() } else { String::new() },
            ]
        }),
    )
}

/// Every conversation, newest first.
pub fn conversations_csv(r: &Records) -> String {
    let mut list: Vec<_> = r.conversations.iter().collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.at));
    write(
        &[
            "When",
            "Person",
            "Opportunity",
            "Channel",
            "Who started it",
            "What it was",
            "Key points",
            "Open questions",
            "Next step",
            "Checking back",
        ],
        list.into_iter().map(|c| {
            vec![
                c.at.format("%Y-%m-%d %H:%M").to_string(),
                r.contact(c.contact_id).map(|p| p.name.clone()).unwrap_or_default(),
                c.opportunity_id.and_then(|o| r.opportunity(o)).map(|o| o.title()).unwrap_or_default(),
                c.channel.label().to_owned(),
                c.direction.label().to_owned(),
                c.topic.label().to_owned(),
                c.key_points.clone(),
                c.open_questions.clone(),
                c.next_step.clone(),
                c.check_back.describe(),
            ]
        }),
    )
}

/// Every opportunity with its stage history.
pub fn opportunities_csv(r: &Records) -> String {
    write(
        &["Company", "Role", "Stage", "Since", "Source", "Posting", "People", "Stage history", "Notes"],
        r.opportunities.iter().map(|o| {
            vec![
                o.company.clone(),
                o.role.clone(),
                o.stage().label().to_owned(),
                o.stage_since().map(|d| d.to_string()).unwrap_or_default(),
                o.source.label().to_owned(),
                o.posting_url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
                o.people
                    .iter()
                    .map(|i| {
                        format!("{} ({})", r.contact(i.contact_id).map_or("?", |c| c.name.as_str()), i.part.label())
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                o.history.iter().map(|h| format!("{} {}", h.on, h.stage.label())).collect::<Vec<_>>().join("; "),
                o.notes.clone(),
            ]
        }),
    )
}
