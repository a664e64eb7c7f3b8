//! The escalation policy: when a conversation must go to a human, why, and how urgently. Pure data
//! in, [`Decision`] out; acting on it (opening a ticket) belongs to the conversations service.
//!
//! Situations, not phrases: [`scan`] tags each word of the message with its role ([`words`]) and
//! [`situations`] looks for a loss or theft, a disowned transaction, handed-over credentials,
//! someone else in the account, a dispute, a complaint, a legal threat, a request for a person,
//! anger or a vulnerable customer — in any word order, tense or person, in Spanish or English,
//! negations and hypotheticals excepted. Escalation errs towards a person.

mod abuse;
mod alibi;
mod anger;
mod atm;
mod callers;
mod classes;
mod complaint;
mod despair;
mod details;
mod disputes;
mod doorstep;
mod elders;
mod gone;
mod identity;
mod jobs;
pub mod learned;
mod legal;
mod lent;
mod links;
mod loss;
mod payees;
mod people;
mod plausible;
mod prizes;
mod receiving;
mod retraction;
mod safekeeping;
mod scams;
mod scan;
mod signins;
mod sim;
mod situations;
mod social;
mod staff;
mod takeover;
mod transactions;
mod vanished;
mod vulnerability;
mod words;

use crate::model::Priority;
use scan::Scan;

/// Why a conversation is escalated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Fraud,
    StolenCard,
    UnrecognisedPayment,
    SocialEngineering,
    AccountTakeover,
    Dispute,
    Complaint,
    LegalThreat,
    Vulnerable,
    HumanRequested,
    Anger,
    LowConfidence,
    /// An LLM answering the customer judged that a person should take over.
    AssistantFlagged,
}

impl Category {
    /// snake_case name used in metadata and tickets.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Fraud => "fraud",
            Category::StolenCard => "stolen_card",
            Category::UnrecognisedPayment => "unrecognised_payment",
            Category::SocialEngineering => "social_engineering",
            Category::AccountTakeover => "account_takeover",
            Category::Dispute => "dispute",
            Category::Complaint => "complaint",
            Category::LegalThreat => "legal_threat",
            Category::Vulnerable => "vulnerable",
            Category::HumanRequested => "human_requested",
            Category::Anger => "anger",
            Category::LowConfidence => "low_confidence",
            Category::AssistantFlagged => "assistant_flagged",
        }
    }

    /// Whether the knowledge base may hold steps the customer can take while waiting (blocking a
    /// stolen card, say); a complaint or a request for a person is simply handed over.
    pub fn has_self_help(self) -> bool {
        matches!(
            self,
            Category::Fraud
                | Category::StolenCard
                | Category::UnrecognisedPayment
                | Category::Dispute
                | Category::SocialEngineering
                | Category::AccountTakeover
        )
    }

    /// Every category.
    pub const ALL: &'static [Category] = &[
        Category::Fraud,
        Category::StolenCard,
        Category::UnrecognisedPayment,
        Category::SocialEngineering,
        Category::AccountTakeover,
        Category::Dispute,
        Category::Complaint,
        Category::LegalThreat,
        Category::Vulnerable,
        Category::HumanRequested,
        Category::Anger,
        Category::LowConfidence,
        Category::AssistantFlagged,
    ];

    /// The category named `name` (its snake_case name), if any.
    pub fn named(name: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// How soon a person must look at it.
    pub fn priority(self) -> Priority {
        match self {
            Category::Fraud | Category::StolenCard | Category::SocialEngineering | Category::AccountTakeover => {
                Priority::Urgent
            }
            Category::UnrecognisedPayment | Category::Dispute | Category::LegalThreat | Category::Vulnerable => {
                Priority::High
            }
            Category::Complaint
            | Category::HumanRequested
            | Category::Anger
            | Category::LowConfidence
            | Category::AssistantFlagged => Priority::Medium,
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Category::Fraud => "The customer reports possible fraud",
            Category::StolenCard => "The customer reports a lost or stolen card, phone or wallet",
            Category::UnrecognisedPayment => "The customer does not recognise a payment",
            Category::SocialEngineering => "The customer may have given credentials to an impostor",
            Category::AccountTakeover => "Someone else may have access to the customer's account",
            Category::Dispute => "The customer wants to dispute a charge",
            Category::Complaint => "The customer wants to file a complaint",
            Category::LegalThreat => "The customer mentions legal action or the regulator",
            Category::Vulnerable => "The customer may be in a vulnerable situation",
            Category::HumanRequested => "The customer asked for a person",
            Category::Anger => "The customer is upset",
            Category::LowConfidence => "The assistant could not answer with confidence",
            Category::AssistantFlagged => "The assistant judged that the customer needs a person",
        }
    }
}

/// What the policy decided for one customer message.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub escalate: bool,
    pub reason: Option<String>,
    pub category: Option<Category>,
    pub priority: Priority,
}

impl Decision {
    fn stay() -> Self {
        Decision { escalate: false, reason: None, category: None, priority: Priority::Low }
    }

    /// An escalation for `category`, with its reason and priority.
    pub fn escalate(category: Category) -> Self {
        Decision {
            escalate: true,
            reason: Some(category.reason().to_owned()),
            category: Some(category),
            priority: category.priority(),
        }
    }
}

/// Tunables (settings at run time).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    /// Answers below this confidence count as "did not know".
    pub threshold: f32,
    /// After this many such answers in a row, a human takes over.
    pub low_confidence_turns: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { threshold: 0.4, low_confidence_turns: 2 }
    }
}

/// Decides for `message`, given the assistant's confidence for its answer (if any) and how many
/// low-confidence answers came right before it in this conversation.
pub fn decide(policy: &Policy, message: &str, confidence: Option<f32>, previous_low_turns: u32) -> Decision {
    decide_with(learned::model(), policy, message, confidence, previous_low_turns)
}

/// [`decide`] with the learned detector `model` (the eval's cross-validation trains its own).
pub fn decide_with(
    model: &learned::Model,
    policy: &Policy,
    message: &str,
    confidence: Option<f32>,
    previous_low_turns: u32,
) -> Decision {
    let scan = Scan::new(message);
    if let Some(found) = situations::detect(&scan) {
        let mut decision = Decision::escalate(found.category);
        if found.urgent {
            decision.priority = Priority::Urgent;
        }
        return decision;
    }
    if shouting(message) {
        return Decision::escalate(Category::Anger);
    }
    if let Some(category) = learned_suggestion(model, &scan, message) {
        return Decision::escalate(category);
    }
    if let Some(c) = confidence
        && c < policy.threshold
        && previous_low_turns + 1 >= policy.low_confidence_turns
    {
        return Decision::escalate(Category::LowConfidence);
    }
    Decision::stay()
}

/// The escalation the learned detector `model` adds for `message`, if the message bears it out.
fn learned_suggestion(model: &learned::Model, scan: &Scan, message: &str) -> Option<Category> {
    model.suggest(message).filter(|&category| {
        plausible::borne_out(scan, category)
            || category == Category::StolenCard && plausible::loss_in_other_words(model, scan, message)
    })
}

/// What the learned detector `model` alone would escalate `message` for (the eval's measure).
pub fn learned_alone(model: &learned::Model, message: &str) -> Option<Category> {
    learned_suggestion(model, &Scan::new(message), message)
}

/// Several words in capitals with exclamation marks: "THIS IS A JOKE!!!".
fn shouting(message: &str) -> bool {
    let caps = message
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
        .count();
    caps >= 3 && message.contains("!!")
}

#[cfg(test)]
mod tests {
    use super::Category::*;
    use super::*;

    const MUST: &[(&str, Category)] = &[
        ("Quiero hablar con un agente", HumanRequested),
        ("necesito una persona real por favor", HumanRequested),
        ("Can I talk to a HUMAN?", HumanRequested),
        ("I want to speak to someone", HumanRequested),
        ("Creo que es un fraude", Fraud),
        ("me estafaron por teléfono", Fraud),
        ("I think my account was hacked", Fraud),
        ("Me robaron la tarjeta en el metro", StolenCard),
        ("perdí mi tarjeta", StolenCard),
        ("my card was stolen yesterday", StolenCard),
        ("I lost my card", StolenCard),
        ("No reconozco un cargo de $500", UnrecognisedPayment),
        ("there's a payment I don't recognize", UnrecognisedPayment),
        ("quiero disputar este cobro", Dispute),
        ("I want a chargeback", Dispute),
        ("Quiero poner una queja formal", Complaint),
        ("I'd like to file a complaint", Complaint),
        ("este servicio es pésimo", Anger),
        ("this bot is useless", Anger),
        ("THIS IS A COMPLETE JOKE!!", Anger),
    ];

    const MUST_NOT: &[&str] = &[
        "¿Cuánto cuesta un préstamo personal?",
        "What are your opening hours?",
        "Quiero abrir una cuenta de ahorro",
        "How do I activate my new card?",
        "¿Cuál es el saldo de mi cuenta?",
        "I recognize this payment, thanks",
        "humanitarian donations are tax deductible?",
        "agentes de seguros aceptados",
        "mis datos personales están actualizados",
        "Hola, buenos días",
    ];

    #[test]
    fn must_escalate() {
        for (message, category) in MUST {
            let d = decide(&Policy::default(), message, Some(0.9), 0);
            assert!(d.escalate, "{message}");
            assert_eq!(d.category, Some(*category), "{message}");
            assert!(d.reason.is_some());
        }
    }

    #[test]
    fn must_not_escalate() {
        for message in MUST_NOT {
            let d = decide(&Policy::default(), message, Some(0.9), 0);
            assert!(!d.escalate, "{message}: {d:?}");
        }
    }

    #[test]
    fn urgent_categories_are_urgent() {
        assert_eq!(decide(&Policy::default(), "fraude", None, 0).priority, Priority::Urgent);
        assert_eq!(decide(&Policy::default(), "tarjeta robada", None, 0).priority, Priority::Urgent);
        assert_eq!(decide(&Policy::default(), "no reconozco", None, 0).priority, Priority::High);
        assert_eq!(decide(&Policy::default(), "agente", None, 0).priority, Priority::Medium);
    }

    #[test]
    fn the_learned_detector_adds_what_the_rules_miss_and_nothing_they_reject() {
        let rules_only = |m: &str| decide_with(&learned::Model::untrained(), &Policy::default(), m, Some(0.9), 0);
        for message in ["why is there a random cash withdrawal in the app?", "what is this direct debit on my account?"]
        {
            assert!(!rules_only(message).escalate, "{message}: the rules now catch it; pick another example");
            assert_eq!(decide(&Policy::default(), message, Some(0.9), 0).category, Some(UnrecognisedPayment));
        }
        for message in [
            "how do I set up a direct debit for my gym",
            "I left my card at home, can I pay with my phone?",
            "what should I do if my phone gets stolen?",
            "I haven't made the card payment yet, when is it due?",
        ] {
            assert!(!decide(&Policy::default(), message, Some(0.9), 0).escalate, "{message}");
        }
    }

    #[test]
    fn low_confidence_escalates_after_n_turns() {
        let policy = Policy { threshold: 0.4, low_confidence_turns: 2 };
        assert!(!decide(&policy, "¿y los intereses?", Some(0.1), 0).escalate);
        let d = decide(&policy, "¿y los intereses?", Some(0.1), 1);
        assert_eq!((d.escalate, d.category), (true, Some(LowConfidence)));
        assert!(!decide(&policy, "¿y los intereses?", Some(0.8), 5).escalate);
    }
}
