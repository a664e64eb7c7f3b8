//! Which page of a list: the one rule every paged list takes `skip` and `limit` by.

/// `skip` rows passed over, then at most `limit` (1 to [`Page::MAX`]; [`Page::DEFAULT`] when not
/// given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub skip: u64,
    pub limit: u64,
}

impl Page {
    pub const DEFAULT: u64 = 100;
    pub const MAX: u64 = 500;
    /// The page `skip` and `limit` ask for; refused when `limit` is out of range.
    pub fn new(skip: Option<u64>, limit: Option<u64>) -> Result<Page, PageRefused> {
        let limit = limit.unwrap_or(Self::DEFAULT);
        if (1..=Self::MAX).contains(&limit) { Ok(Page { skip: skip.unwrap_or(0), limit }) } else { Err(PageRefused) }
    }
}

/// A `limit` out of range (a 422 on `limit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRefused;

impl PageRefused {
    /// What the client is told.
    pub const MESSAGE: &str = "limit is 1 to 500";
}

#[cfg(test)]
mod tests {
    use super::{Page, PageRefused};

    #[test]
    fn a_limit_is_1_to_500_and_100_by_default() {
        assert_eq!(Page::new(None, None), Ok(Page { skip: 0, limit: 100 }));
        assert_eq!(Page::new(Some(20), Some(500)), Ok(Page { skip: 20, limit: 500 }));
        assert_eq!(Page::new(None, Some(0)), Err(PageRefused));
        assert_eq!(Page::new(None, Some(501)), Err(PageRefused));
        assert!(PageRefused::MESSAGE.contains(&Page::MAX.to_string()));
    }
}
