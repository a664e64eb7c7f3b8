//! What one eval split measured, and the bar it is held to.

use std::fmt;

/// Counts for one split (or one part of it); parts add up with [`Report::add`].
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub articles: usize,
    /// Answerable questions (single turn).
    pub questions: usize,
    /// Cited the expected article first.
    pub top1: usize,
    /// Said it did not know (no article cited).
    pub abstained: usize,
    /// Cited an article, but the wrong one.
    pub answered_wrong: usize,
    /// The best-ranked article was the expected one, whether or not the assistant answered from it
    /// (ranking alone, before the confidence threshold).
    pub ranked_top1: usize,
    /// The plain BM25 baseline's top-1 on the same questions.
    pub baseline_top1: usize,
    /// Follow-up conversations, and how many were answered from the expected article.
    pub followups: usize,
    pub followup_top1: usize,
    /// Questions the knowledge base cannot answer, and how many the assistant abstained on.
    pub unanswerable: usize,
    pub unanswerable_abstained: usize,
    pub must_escalate: usize,
    pub escalated: usize,
    pub right_reason: usize,
    /// Look-alikes that must not escalate, and how many did.
    pub look_alikes: usize,
    pub look_alike_escalations: usize,
    /// Every message that must not escalate on its own (answerable, follow-ups, unanswerable,
    /// look-alikes), and how many did.
    pub must_not_escalate: usize,
    pub false_escalations: usize,
    /// One line per miss.
    pub misses: Vec<String>,
    /// The confidence of each answer to an answerable question (and whether it was right), and of
    /// each answer to an unanswerable one: to choose the threshold on dev.
    pub confidence_right: Vec<f32>,
    pub confidence_wrong: Vec<f32>,
    pub confidence_unanswerable: Vec<f32>,
}

/// The bar from issue 12, on the frozen test split.
pub const BAR_TOP1: f64 = 0.92;
pub const BAR_LOOK_ALIKE_FALSE: f64 = 0.02;
pub const BAR_ABSTAINED: f64 = 0.05;

pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Report {
    pub fn top1_rate(&self) -> f64 {
        ratio(self.top1, self.questions)
    }

    pub fn baseline_rate(&self) -> f64 {
        ratio(self.baseline_top1, self.questions)
    }

    pub fn abstained_rate(&self) -> f64 {
        ratio(self.abstained, self.questions)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.escalated, self.must_escalate)
    }

    pub fn look_alike_rate(&self) -> f64 {
        ratio(self.look_alike_escalations, self.look_alikes)
    }

    pub fn false_rate(&self) -> f64 {
        ratio(self.false_escalations, self.must_not_escalate)
    }

    /// ≥ 92% top-1, ≤ 5% abstentions on answerable questions, every must-escalate message
    /// escalated, ≤ 2% of look-alikes escalated.
    pub fn passes(&self) -> bool {
        self.top1_rate() >= BAR_TOP1
            && self.abstained_rate() <= BAR_ABSTAINED
            && self.escalated == self.must_escalate
            && self.look_alike_rate() <= BAR_LOOK_ALIKE_FALSE
    }

    /// Adds `other`'s counts (a split made of several knowledge bases).
    pub fn add(&mut self, other: Report) {
        self.articles += other.articles;
        self.questions += other.questions;
        self.top1 += other.top1;
        self.abstained += other.abstained;
        self.answered_wrong += other.answered_wrong;
        self.baseline_top1 += other.baseline_top1;
        self.ranked_top1 += other.ranked_top1;
        self.followups += other.followups;
        self.followup_top1 += other.followup_top1;
        self.unanswerable += other.unanswerable;
        self.unanswerable_abstained += other.unanswerable_abstained;
        self.must_escalate += other.must_escalate;
        self.escalated += other.escalated;
        self.right_reason += other.right_reason;
        self.look_alikes += other.look_alikes;
        self.look_alike_escalations += other.look_alike_escalations;
        self.must_not_escalate += other.must_not_escalate;
        self.false_escalations += other.false_escalations;
        self.misses.extend(other.misses);
        self.confidence_right.extend(other.confidence_right);
        self.confidence_wrong.extend(other.confidence_wrong);
        self.confidence_unanswerable.extend(other.confidence_unanswerable);
    }

    /// For each threshold from 0.05 to 0.95: answerable questions it would answer right, answer
    /// wrong or abstain on, and unanswerable ones it would abstain on (computed from the best
    /// article's confidence, whatever the threshold in use).
    pub fn thresholds(&self) -> String {
        let mut out = String::from("  threshold  right  wrong  abstained  unanswerable-abstained\n");
        for step in 1..20 {
            let t = step as f32 * 0.05;
            let right = self.confidence_right.iter().filter(|c| **c >= t).count();
            let wrong = self.confidence_wrong.iter().filter(|c| **c >= t).count();
            let abstained = self.confidence_right.len() + self.confidence_wrong.len() - right - wrong;
            let unanswerable = self.confidence_unanswerable.iter().filter(|c| **c < t).count();
            out.push_str(&format!(
                "  {t:9.2}  {right:5}  {wrong:5}  {abstained:9}  {unanswerable}/{}\n",
                self.confidence_unanswerable.len()
            ));
        }
        out
    }

    /// The figures without the misses.
    pub fn summary(&self) -> Summary<'_> {
        Summary(self)
    }
}

fn pct(a: usize, b: usize) -> String {
    format!("{:5.1}% ({a}/{b})", ratio(a, b) * 100.0)
}

/// [`Report`]'s figures, one per line.
pub struct Summary<'a>(&'a Report);

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.0;
        writeln!(
            f,
            "  top-1 accuracy          {}   plain BM25: {}",
            pct(r.top1, r.questions),
            pct(r.baseline_top1, r.questions)
        )?;
        writeln!(
            f,
            "  calibration             answered right {} · answered wrong {} · abstained {}",
            r.top1, r.answered_wrong, r.abstained
        )?;
        writeln!(f, "  abstentions             {}", pct(r.abstained, r.questions))?;
        writeln!(f, "  ranking alone (top-1)   {}", pct(r.ranked_top1, r.questions))?;
        writeln!(f, "  follow-ups top-1        {}", pct(r.followup_top1, r.followups))?;
        writeln!(f, "  unanswerable abstained  {}", pct(r.unanswerable_abstained, r.unanswerable))?;
        writeln!(
            f,
            "  escalation recall       {}   right reason {}/{}",
            pct(r.escalated, r.must_escalate),
            r.right_reason,
            r.must_escalate
        )?;
        writeln!(f, "  look-alikes escalated   {}", pct(r.look_alike_escalations, r.look_alikes))?;
        write!(f, "  all false escalations   {}", pct(r.false_escalations, r.must_not_escalate))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        for miss in &self.misses {
            writeln!(f, "  miss: {miss}")?;
        }
        Ok(())
    }
}
