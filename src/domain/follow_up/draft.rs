//! Message drafts: a short, editable note for each follow-up, in the person's preferred
//! channel, that thanks or asks with reference to what was actually said.

use serde::{Deserialize, Serialize};

use super::{Anchor, FollowUp, Purpose, Rule};
use crate::domain::contact::Channel;
use crate::domain::conversation::CheckBack;
use crate::domain::records::Records;

/// A subject and body with `{placeholders}`; a line whose placeholders are all empty is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// One template per purpose; the user can edit each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Templates {
    pub appreciation: Template,
    pub interest: Template,
    pub opportunity: Template,
    pub giving_back: Template,
}

/// The placeholders a template may use, with what each becomes.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("{first_name}", "their first name"),
    ("{name}", "their full name"),
    ("{about}", "\" about the <role> role at <company>\" when there is an opportunity"),
    ("{opportunity}", "\"<role> at <company>\""),
    ("{company}", "the company"),
    ("{key_points}", "the key points of your last conversation"),
    ("{open_questions}", "questions still open from it"),
    ("{next_step}", "the next step you agreed"),
    ("{moment}", "the personal moment (birthday, new job...)"),
    ("{check_back}", "a line asking permission to check back (left out when they already agreed a date)"),
    ("{my_name}", "your name (Settings)"),
    ("{signature}", "your signature (Settings)"),
];

impl Default for Templates {
    fn default() -> Self {
        let closing = "\n{check_back}\n\nBest regards,\n{signature}";
        Self {
            appreciation: Template {
                subject: "Thank you, {first_name}".into(),
                body: format!(
                    "Hi {{first_name}},\n\nThank you for taking the time to talk with me{{about}}. I really appreciated it.\nWhat stayed with me: {{key_points}}.\nI have been thinking about your question: {{open_questions}}.\nAs we agreed, {{next_step}}.{closing}"
                ),
            },
            interest: Template {
                subject: "Following up{about}".into(),
                body: format!(
                    "Hi {{first_name}},\n\nI hope you are doing well. I wanted to follow up on our conversation{{about}}.\nI keep coming back to what you said: {{key_points}}.\nOne open question: {{open_questions}}.\nNext step on my side: {{next_step}}.{closing}"
                ),
            },
            opportunity: Template {
                subject: "Following up: {opportunity}".into(),
                body: format!(
                    "Hi {{first_name}},\n\nI wanted to follow up{{about}}. I remain very interested and would be glad to help with anything you need from me.\nFrom our last conversation: {{key_points}}.\nStill open: {{open_questions}}.\nAs agreed, {{next_step}}.{closing}"
                ),
            },
            giving_back: Template {
                subject: "Congratulations, {first_name}".into(),
                body: "Hi {first_name},\n\nI heard about your {moment} and wanted to send my warmest wishes.\nNo need to reply; I hope all is well.\n\nBest,\n{signature}".into(),
            },
        }
    }
}

impl Templates {
    /// The template for a purpose.
    pub fn for_purpose(&self, purpose: Purpose) -> &Template {
        match purpose {
            Purpose::Appreciation => &self.appreciation,
            Purpose::Interest => &self.interest,
            Purpose::Opportunity => &self.opportunity,
            Purpose::GivingBack => &self.giving_back,
        }
    }

    /// The template for a purpose, to edit.
    pub fn for_purpose_mut(&mut self, purpose: Purpose) -> &mut Template {
        match purpose {
            Purpose::Appreciation => &mut self.appreciation,
            Purpose::Interest => &mut self.interest,
            Purpose::Opportunity => &mut self.opportunity,
            Purpose::GivingBack => &mut self.giving_back,
        }
    }
}

/// A ready-to-edit message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// How to send it: the person's preferred channel, else email if there is an address.
    pub channel: Channel,
    /// The address, for email.
    pub to: Option<String>,
    pub subject: String,
    pub body: String,
}

/// Fills the purpose's template for a follow-up from the person's last conversation.
pub fn compose(records: &Records, follow_up: &FollowUp) -> Draft {
    let contact = follow_up.contact.and_then(|id| records.contact(id));
    let opportunity = follow_up.opportunity.and_then(|id| records.opportunity(id));
    let last = follow_up.contact.and_then(|id| {
        records.conversations_with(id).into_iter().find(|c| {
            follow_up.opportunity.is_none() || c.opportunity_id.is_none() || c.opportunity_id == follow_up.opportunity
        })
    });
    let one_line = |s: &str| s.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
    let agreed = last.is_some_and(|c| matches!(c.check_back, CheckBack::Allowed { on: Some(_) }));
    let check_back = if agreed || follow_up.rule == Rule::GivingBack {
        String::new()
    } else {
        "Would it be all right if I checked back with you in a couple of weeks?".to_owned()
    };
    let moment = contact
        .and_then(|c| {
            c.moments.iter().find(|m| matches!(follow_up.key.anchor, Anchor::Moment(kind, _) if kind == m.kind))
        })
        .map(|m| match m.kind {
            crate::domain::contact::MomentKind::Birthday => "birthday".to_owned(),
            crate::domain::contact::MomentKind::Surgery => "surgery".to_owned(),
            other => other.label().to_lowercase(),
        })
        .unwrap_or_default();
    let settings = &records.settings;
    let signature =
        if settings.signature.trim().is_empty() { settings.my_name.clone() } else { settings.signature.clone() };
    let values: Vec<(&str, String)> = vec![
        ("{first_name}", contact.map_or_else(|| "there".to_owned(), |c| c.first_name().to_owned())),
        ("{name}", contact.map_or_else(String::new, |c| c.name.clone())),
        ("{about}", opportunity.map_or_else(String::new, |o| format!(" about the {} role at {}", o.role, o.company))),
        ("{opportunity}", opportunity.map_or_else(String::new, |o| o.title())),
        (
            "{company}",
            opportunity.map(|o| o.company.clone()).or_else(|| contact.map(|c| c.company.clone())).unwrap_or_default(),
        ),
        ("{key_points}", last.map(|c| one_line(&c.key_points)).unwrap_or_default()),
        ("{open_questions}", last.map(|c| one_line(&c.open_questions)).unwrap_or_default()),
        ("{next_step}", last.map(|c| lower_first(c.next_step.trim())).unwrap_or_default()),
        ("{moment}", moment),
        ("{check_back}", check_back),
        ("{my_name}", settings.my_name.clone()),
        ("{signature}", signature),
    ];
    let template = records.templates.for_purpose(follow_up.rule.purpose());
    let channel = contact
        .and_then(|c| c.preferred_channel)
        .or_else(|| contact.and_then(|c| c.email.as_ref()).map(|_| Channel::Email))
        .unwrap_or(Channel::Email);
    Draft {
        channel,
        to: contact.and_then(|c| c.email.as_ref()).map(|e| e.address.clone()),
        subject: fill(&template.subject, &values).trim().to_owned(),
        body: fill(&template.body, &values),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Placeholders that stand for a whole thought: a line built around them is left out when
/// they are empty. The others ({about}, {first_name}...) simply read as nothing.
const LINE_PLACEHOLDERS: &[&str] =
    &["{key_points}", "{open_questions}", "{next_step}", "{moment}", "{check_back}", "{signature}"];

/// Replaces placeholders line by line, dropping a line whose whole-thought placeholders are
/// all empty, and collapsing the blank lines that leaves behind.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in template.split('\n') {
        let used: Vec<&(&str, String)> = values.iter().filter(|(k, _)| line.contains(k)).collect();
        let thoughts: Vec<&&(&str, String)> = used.iter().filter(|(k, _)| LINE_PLACEHOLDERS.contains(k)).collect();
        if !thoughts.is_empty() && thoughts.iter().all(|(_, v)| v.trim().is_empty()) {
            continue;
        }
        let mut text = line.to_owned();
        for (k, v) in &used {
            text = text.replace(k, v);
        }
        if text.trim().is_empty() && out.last().is_some_and(|l| l.trim().is_empty()) {
            continue;
        }
        out.push(text);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}
