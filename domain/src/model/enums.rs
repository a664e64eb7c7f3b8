//! Wire enums with fixed names (`"OPEN"`, `"IN_PROGRESS"`, `"assistant"`, …) that accept any case on
//! the way in, as the API reference promises for statuses and priorities.

/// Declares an enum with `as_str`, `Display`, case-insensitive `FromStr` and serde as its
/// wire names. The list of names goes into the parse error, so a 422 says what is valid. On the
/// server it is also a column type: stored as its wire name in a text column, read back typed.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])* $name:ident, $what:literal {
            $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "server", derive(::sea_orm::DeriveValueType))]
        #[cfg_attr(feature = "server", sea_orm(value_type = "String", from_str = "Self::from_column"))]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The upper-case wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim();
                $name::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(wanted)).ok_or_else(|| {
                    let names: Vec<String> = $name::ALL.iter().map(|v| v.as_str().to_ascii_lowercase()).collect();
                    format!("unknown {} '{}': expected one of {}", $what, s, names.join(", "))
                })
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer)?.parse().map_err(::serde::de::Error::custom)
            }
        }

        $crate::model::enums::string_schema!($name, $what, [$($wire),+]);
        $crate::model::enums::stored_as_text!($name);
    };
}

/// A name read from a column that no value has: the read fails rather than guess.
#[cfg(feature = "server")]
#[derive(Debug)]
pub struct UnknownName(pub String);

#[cfg(feature = "server")]
impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "server")]
impl std::error::Error for UnknownName {}

/// How an enum that derives `DeriveValueType` with `from_str = "Self::from_column"` reads its
/// column (server only): its `FromStr`, with an error the database layer can carry.
macro_rules! stored_as_text {
    ($name:ident) => {
        #[cfg(feature = "server")]
        impl $name {
            fn from_column(stored: &str) -> Result<Self, $crate::model::enums::UnknownName> {
                stored.parse().map_err($crate::model::enums::UnknownName)
            }
        }
    };
}

/// The OpenAPI schema of a string enum (server only): its wire names; any case is accepted.
macro_rules! string_schema {
    ($name:ident, $what:literal, [$($wire:literal),+]) => {
        #[cfg(feature = "server")]
        impl ::utoipa::PartialSchema for $name {
            fn schema() -> ::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema> {
                ::utoipa::openapi::ObjectBuilder::new()
                    .schema_type(::utoipa::openapi::schema::Type::String)
                    .description(Some(concat!("A ", $what, " (any case is accepted).")))
                    .enum_values(Some([$($wire),+]))
                    .into()
            }
        }

        #[cfg(feature = "server")]
        impl ::utoipa::ToSchema for $name {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }
        }
    };
}

pub(crate) use stored_as_text;
pub(crate) use string_schema;
pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    use crate::model::{MessageRole, TicketStatus};

    #[test]
    fn parse_any_case_and_print_the_wire_name() {
        assert_eq!("in_progress".parse::<TicketStatus>(), Ok(TicketStatus::InProgress));
        assert_eq!("ASSISTANT".parse::<MessageRole>(), Ok(MessageRole::Assistant));
        assert_eq!(TicketStatus::InProgress.to_string(), "IN_PROGRESS");
        assert_eq!(serde_json::to_string(&MessageRole::Agent).unwrap(), "\"agent\"");
        let err = "lost".parse::<TicketStatus>().unwrap_err();
        assert!(err.contains("open, in_progress, resolved, closed"), "{err}");
    }
}
