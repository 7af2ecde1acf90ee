//! Built-in world knowledge: general facts about states, titles, speech verbs,
//! news agencies and international bodies. Nothing here is specific to any corpus.

/// A state: canonical short name, other names, demonyms, capital.
pub struct State {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub demonyms: &'static [&'static str],
    pub capital: &'static str,
}

pub static STATES: &[State] = &[
    State {
        name: "United States",
        aliases: &[
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "United States of America",
            "America",
        ],
        demonyms: &["American", "Americans"],
        capital: "Washington",
    },
    State {
        name: "Russia",
        aliases: &["Russian Federation"],
        demonyms: &["Russian", "Russians"],
        capital: "Moscow",
    },
    State {
        name: "United Kingdom",
        aliases: &["UK", "U.K.", "Britain", "Great Britain"],
        demonyms: &["British", "Briton", "Britons"],
        capital: "London",
    },
    State {
        name: "France",
        aliases: &["French Republic"],
        demonyms: &["French"],
        capital: "Paris",
    },
    State {
        name: "Germany",
        aliases: &["Federal Republic of Germany"],
        demonyms: &["German", "Germans"],
        capital: "Berlin",
    },
    State {
        name: "China",
        aliases: &["People's Republic of China", "PRC"],
        demonyms: &["Chinese"],
        capital: "Beijing",
    },
    State {
        name: "Syria",
        aliases: &["Syrian Arab Republic"],
        demonyms: &["Syrian"],
        capital: "Damascus",
    },
    State {
        name: "Turkey",
        aliases: &["Republic of Turkey", "Türkiye"],
        demonyms: &["Turkish", "Turks"],
        capital: "Ankara",
    },
    State {
        name: "Iran",
        aliases: &["Islamic Republic of Iran"],
        demonyms: &["Iranian", "Iranians"],
        capital: "Tehran",
    },
];

/// Speech and report verbs (base and inflected forms).
pub static SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "declared",
    "declares",
    "announced",
    "announces",
    "warned",
    "warns",
    "reported",
    "reports",
    "claimed",
    "claims",
    "noted",
    "notes",
    "explained",
    "insisted",
    "argued",
    "wrote",
    "asked",
    "replied",
    "responded",
    "confirmed",
    "denied",
    "accused",
    "urged",
];
