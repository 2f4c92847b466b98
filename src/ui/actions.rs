//! Everything a user can change, as typed functions over the app state. Components call
//! these; the rules themselves live in the domain.

use chrono::NaiveDate;
use leptos::prelude::GetUntracked;

use super::clock::new_id;
use super::state::{ActionError, AppState};
use crate::domain::capture::{CaptureDraft, Captured};
use crate::domain::follow_up::draft::Templates;
use crate::domain::follow_up::{FollowUp, Settings};
use crate::domain::{
    ContactDraft, ContactId, ConversationDraft, ConversationId, OfferStep, OpportunityDraft, OpportunityId, Part,
    Removed, Stage,
};

/// Adds a person; returns their id.
pub fn add_person(app: AppState, draft: &ContactDraft) -> Result<ContactId, ActionError> {
    let id = new_id();
    app.change(|r, now| r.add_contact(id, draft, now).map(|_| ()))?;
    app.say(format!("Added {}.", draft.name.trim()));
    Ok(id)
}

/// Saves an edit of a person.
pub fn save_person(app: AppState, id: ContactId, draft: &ContactDraft) -> Result<(), ActionError> {
    app.change(|r, now| r.update_contact(id, draft, now))?;
    app.say(format!("Saved {}.", draft.name.trim()));
    Ok(())
}

/// Archives or restores a person.
pub fn set_archived(app: AppState, id: ContactId, archived: bool) -> Result<(), ActionError> {
    app.change(|r, now| r.set_archived(id, archived, now))?;
    app.say(if archived {
        "Archived. They are hidden from lists but kept with their history."
    } else {
        "Restored from the archive."
    });
    Ok(())
}

/// Deletes a person and what belongs only to them.
pub fn delete_person(app: AppState, id: ContactId) -> Result<Removed, ActionError> {
    let removed = app.change(|r, now| r.delete_contact(id, now))?;
    app.say(format!("Deleted, with {} conversation(s).", removed.conversations));
    Ok(removed)
}

/// Logs a conversation with a person.
pub fn log_conversation(
    app: AppState,
    with: ContactId,
    draft: &ConversationDraft,
) -> Result<ConversationId, ActionError> {
    let id = new_id();
    app.change(|r, now| r.log_conversation(id, with, draft, now).map(|_| ()))?;
    app.say("Conversation logged.");
    Ok(id)
}

/// Saves an edit of a logged conversation.
pub fn save_conversation(app: AppState, id: ConversationId, draft: &ConversationDraft) -> Result<(), ActionError> {
    app.change(|r, now| r.update_conversation(id, draft, now))?;
    app.say("Conversation saved.");
    Ok(())
}

/// Deletes a logged conversation.
pub fn delete_conversation(app: AppState, id: ConversationId) -> Result<(), ActionError> {
    app.change(|r, _| r.delete_conversation(id))?;
    app.say("Conversation deleted.");
    Ok(())
}

/// Starts tracking an opportunity.
pub fn add_opportunity(
    app: AppState,
    draft: &OpportunityDraft,
    stage: Stage,
    on: NaiveDate,
) -> Result<OpportunityId, ActionError> {
    let id = new_id();
    app.change(|r, now| r.add_opportunity(id, draft, stage, on, now).map(|_| ()))?;
    app.say(format!("Tracking {} at {}.", draft.role.trim(), draft.company.trim()));
    Ok(id)
}

/// Saves an edit of an opportunity.
pub fn save_opportunity(app: AppState, id: OpportunityId, draft: &OpportunityDraft) -> Result<(), ActionError> {
    app.change(|r, now| r.update_opportunity(id, draft, now))?;
    app.say("Opportunity saved.");
    Ok(())
}

/// Moves an opportunity to a stage.
pub fn move_stage(app: AppState, id: OpportunityId, stage: Stage, on: NaiveDate) -> Result<(), ActionError> {
    if app.change(|r, now| r.move_stage(id, stage, on, now))? {
        app.say(format!("Moved to {}.", stage.label()));
    }
    Ok(())
}

/// Links a person to an opportunity.
pub fn link_person(app: AppState, id: OpportunityId, contact: ContactId, part: Part) -> Result<(), ActionError> {
    app.change(|r, now| r.link_person(id, contact, part, now))?;
    app.say(format!("Linked as {}.", part.label().to_lowercase()));
    Ok(())
}

/// Removes a person's part in an opportunity.
pub fn unlink_person(app: AppState, id: OpportunityId, contact: ContactId, part: Part) -> Result<(), ActionError> {
    app.change(|r, now| r.unlink_person(id, contact, part, now))?;
    app.say("Link removed.");
    Ok(())
}

/// Deletes an opportunity.
pub fn delete_opportunity(app: AppState, id: OpportunityId) -> Result<(), ActionError> {
    app.change(|r, now| r.delete_opportunity(id, now))?;
    app.say("Opportunity deleted.");
    Ok(())
}

/// Marks a follow-up done (logs the outreach, which moves its ladder on).
pub fn complete_follow_up(app: AppState, f: &FollowUp) -> Result<(), ActionError> {
    let id = new_id();
    app.change(|r, now| r.complete_follow_up(f, id, now))?;
    app.say("Done. Logged as a conversation; the next step, if any, is scheduled.");
    Ok(())
}

/// Logs that the person answered, which stops the ladder waiting on them.
pub fn they_replied(app: AppState, f: &FollowUp) -> Result<(), ActionError> {
    let id = new_id();
    app.change(|r, now| r.they_replied(f, id, now))?;
    app.say("Logged their reply: no more reminders on this until you write back.");
    Ok(())
}

/// Snoozes a follow-up until a day.
pub fn snooze(app: AppState, f: &FollowUp, until: NaiveDate) -> Result<(), ActionError> {
    app.change(|r, now| r.snooze(&f.key, until, now))?;
    app.say(format!("Snoozed until {}.", until.format("%a %-d %b")));
    Ok(())
}

/// Skips a follow-up with a reason.
pub fn skip(app: AppState, f: &FollowUp, reason: &str) -> Result<(), ActionError> {
    app.change(|r, now| r.skip(&f.key, reason, now))?;
    app.say("Skipped.");
    Ok(())
}

/// Records a quick capture; returns what it created.
pub fn capture(app: AppState, draft: &CaptureDraft) -> Result<Captured, ActionError> {
    let captured = app.change(|r, now| r.capture(draft, &mut || new_id::<()>().raw(), now))?;
    app.say(format!("Captured: {}.", draft.situation.label().to_lowercase()));
    Ok(captured)
}

/// Loads the clearly marked example search.
pub fn load_examples(app: AppState) -> Result<(), ActionError> {
    app.change(|r, now| r.load_examples(now, &mut || new_id::<()>().raw()))?;
    app.say("Example data loaded. Remove it from the Today screen when you are done trying.");
    Ok(())
}

/// Removes the example search and nothing else.
pub fn remove_examples(app: AppState) -> Result<(), ActionError> {
    app.change(|r, _| {
        r.remove_examples();
        Ok(())
    })?;
    app.say("Example data removed.");
    Ok(())
}

/// Saves follow-up timings and preferences.
pub fn save_settings(app: AppState, settings: Settings) -> Result<(), ActionError> {
    app.change(|r, _| r.set_settings(settings))?;
    app.say("Settings saved.");
    Ok(())
}

/// Saves the message templates.
pub fn save_templates(app: AppState, templates: Templates) -> Result<(), ActionError> {
    app.change(|r, _| {
        r.templates = templates;
        Ok(())
    })?;
    app.say("Templates saved.");
    Ok(())
}

/// Ticks or unticks a step of an offer's checklist.
pub fn tick_offer_step(app: AppState, id: OpportunityId, step: OfferStep, done: bool) -> Result<(), ActionError> {
    app.change(|r, now| r.tick_offer_step(id, step, done, now))?;
    Ok(())
}

/// Withdraws every other active opportunity after accepting one.
pub fn withdraw_others(app: AppState, accepted: OpportunityId) -> Result<usize, ActionError> {
    let count = app.change(|r, now| r.withdraw_others(accepted, now.date(), now))?;
    app.say(format!("Withdrew {count} other opportunit{}.", if count == 1 { "y" } else { "ies" }));
    Ok(count)
}

/// Stores a guessed email on a person.
pub fn take_email_guess(
    app: AppState,
    id: ContactId,
    guess: &crate::domain::finding::email_pattern::Guess,
) -> Result<(), ActionError> {
    app.change(|r, now| r.take_email_guess(id, guess, now))?;
    app.say(format!("Saved {} as a guessed address ({}).", guess.address, guess.description));
    Ok(())
}

/// Marks a guessed email as working.
pub fn confirm_email(app: AppState, id: ContactId) -> Result<(), ActionError> {
    app.change(|r, now| r.confirm_email(id, now))?;
    app.say("Address confirmed: it now counts as known and teaches the guesser.");
    Ok(())
}

/// Marks a guessed email as bounced.
pub fn email_bounced(app: AppState, id: ContactId) -> Result<(), ActionError> {
    app.change(|r, now| r.email_bounced(id, now))?;
    app.say("Removed the bounced address; that format will not be suggested again for this domain.");
    Ok(())
}

/// Restores a backup: merged into the current records, or replacing them. The current state
/// is kept first so the restore can be undone.
pub fn restore_backup(app: AppState, backup: &crate::domain::Records, replace: bool) -> Result<(), ActionError> {
    let before = app.records.get_untracked();
    let report = app.change(|r, _| {
        if replace {
            *r = backup.clone();
            Ok(None)
        } else {
            Ok(Some(r.merge(backup)))
        }
    })?;
    app.keep_before_restore(before);
    match report {
        None => app.say("Restored: everything was replaced by the backup."),
        Some(m) => app.say(format!(
            "Merged: {} records added, {} updated.",
            m.contacts.added + m.conversations.added + m.opportunities.added,
            m.contacts.updated + m.conversations.updated + m.opportunities.updated
        )),
    }
    Ok(())
}

/// Puts back the records as they were before the last restore.
pub fn undo_restore(app: AppState) -> Result<(), ActionError> {
    let Some(before) = app.take_before_restore() else { return Err(ActionError::Gone) };
    app.change(|r, _| {
        *r = before;
        Ok(())
    })?;
    app.say("Restore undone.");
    Ok(())
}

/// Imports LinkedIn's Connections.csv.
pub fn import_connections(
    app: AppState,
    text: &str,
) -> Result<crate::domain::linkedin_import::ImportSummary, ActionError> {
    let rows = crate::domain::linkedin_import::read_connections(text)
        .map_err(|e| ActionError::Invalid(vec![crate::domain::FieldError::new("import", e.to_string())]))?;
    let summary = app.change(|r, now| Ok(r.import_connections(&rows, &mut || new_id::<()>().raw(), now)))?;
    app.say(format!("Imported {} new and {} updated connections.", summary.added, summary.updated));
    Ok(summary)
}
