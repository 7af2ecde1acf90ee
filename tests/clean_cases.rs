//! Table-driven tests for the cleaner over small hand-made raw articles.
//! The texts are invented; they imitate the shapes scrapers leave behind
//! (share bars, ad labels, bylines, captions, teasers, wrapped wire copy...).

use chrono::NaiveDate;
use dossier::clean::{clean, CleanOptions, Cleaned, CorpusStats};
use regex::Regex;

struct Case {
    name: &'static str,
    raw: &'static str,
    title: &'static str,
    dek: Option<&'static str>,
    paragraphs: &'static [&'static str],
    removed: &'static [&'static str],
    publisher: Option<&'static str>,
    published: Option<(i32, u32, u32)>,
}

const fn case(
    name: &'static str,
    raw: &'static str,
    title: &'static str,
    dek: Option<&'static str>,
    paragraphs: &'static [&'static str],
    removed: &'static [&'static str],
) -> Case {
    Case {
        name,
        raw,
        title,
        dek,
        paragraphs,
        removed,
        publisher: None,
        published: None,
    }
}

fn check(c: &Case, got: &Cleaned) {
    assert_eq!(got.title, c.title, "{}: title", c.name);
    assert_eq!(got.dek.as_deref(), c.dek, "{}: dek", c.name);
    assert_eq!(got.paragraphs, c.paragraphs, "{}: paragraphs", c.name);
    let removed: Vec<&str> = got.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(removed, c.removed, "{}: removed", c.name);
    assert!(
        got.removed.iter().all(|r| !r.why.is_empty() && r.line >= 1),
        "{}: every removal has a reason and a line",
        c.name
    );
    assert_eq!(
        got.publisher.as_deref(),
        c.publisher,
        "{}: publisher",
        c.name
    );
    let want = c
        .published
        .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid date"));
    assert_eq!(got.published, want, "{}: published", c.name);
}

fn cases() -> Vec<Case> {
    vec![
        case(
            "plain article",
            "Town votes to keep its old clock tower\n\nResidents voted on Saturday to restore the town's clock tower rather than demolish it.\n\nThe repairs are expected to take a year.\n",
            "Town votes to keep its old clock tower",
            None,
            &[
                "Residents voted on Saturday to restore the town's clock tower rather than demolish it.",
                "The repairs are expected to take a year.",
            ],
            &[],
        ),
        case(
            "share, dek slot, ads, video promo, closing teaser",
            "Share\n\nHospital Opens New Cancer Wing\n\nDoctors say the wing will cut waiting times by half.\n\nAdvertisement\n\nThe new wing has 40 beds and two radiotherapy machines, the hospital said on Monday.\n\nPatients from three counties will be treated there.\n\nVideo: Inside the new cancer wing\n\nStaff were recruited from across the country, the hospital's director said.\n\nAdvertisement\n\nConstruction took three years and cost 60 million euros.\n\nStorm leaves thousands without power in coastal towns",
            "Hospital Opens New Cancer Wing",
            Some("Doctors say the wing will cut waiting times by half."),
            &[
                "The new wing has 40 beds and two radiotherapy machines, the hospital said on Monday.",
                "Patients from three counties will be treated there.",
                "Staff were recruited from across the country, the hospital's director said.",
                "Construction took three years and cost 60 million euros.",
            ],
            &[
                "Share",
                "Advertisement",
                "Video: Inside the new cancer wing",
                "Advertisement",
                "Storm leaves thousands without power in coastal towns",
            ],
        ),
        Case {
            publisher: Some("RIVERWATCH"),
            ..case(
                "all-caps headline glued to the first sentence, disclaimer",
                "FLOODS HIT NORTHERN TOWNSResidents of three valley towns were ordered to leave their homes on Monday as rivers burst their banks, officials said.\n\nRescue teams used boats to reach people trapped on rooftops.\n\nThe views expressed in this column are the writer's own and do not necessarily reflect the position of RIVERWATCH.\n\nPaid content\n\nWhat's New Today",
                "FLOODS HIT NORTHERN TOWNS",
                None,
                &[
                    "Residents of three valley towns were ordered to leave their homes on Monday as rivers burst their banks, officials said.",
                    "Rescue teams used boats to reach people trapped on rooftops.",
                ],
                &[
                    "The views expressed in this column are the writer's own and do not necessarily reflect the position of RIVERWATCH.",
                    "Paid content",
                    "What's New Today",
                ],
            )
        },
        case(
            "headline printed twice, comment footer",
            "Library Reopens After Two-Year Renovation\n\nLibrary Reopens After Two-Year Renovation\n\nThe central library reopened on Saturday after a two-year renovation that added a children's wing and a rooftop reading room.\n\nHundreds of visitors lined up before the doors opened at nine.\n\nNo Comments\n\nLeave a Reply\n\nLatest News",
            "Library Reopens After Two-Year Renovation",
            None,
            &[
                "The central library reopened on Saturday after a two-year renovation that added a children's wing and a rooftop reading room.",
                "Hundreds of visitors lined up before the doors opened at nine.",
            ],
            &[
                "Library Reopens After Two-Year Renovation",
                "No Comments",
                "Leave a Reply",
                "Latest News",
            ],
        ),
        Case {
            published: Some((2017, 3, 7)),
            ..case(
                "timestamp, keyword list, headline-shaped dek",
                "Tuesday, March 7 2017 09:15 CET\nFishing fleet stays in port as storm nears coast\nNorway, Bergen, fishing, storm, weather, coast guard, boats, North Sea\n\nCoast guard orders boats back to harbour\n\nThe coast guard on Tuesday ordered all fishing boats to return to port ahead of a storm expected to bring waves of up to ten metres.\n\n'We are not taking any chances,' a coast guard spokesman said.\n\nlatest news",
                "Fishing fleet stays in port as storm nears coast",
                Some("Coast guard orders boats back to harbour"),
                &[
                    "The coast guard on Tuesday ordered all fishing boats to return to port ahead of a storm expected to bring waves of up to ten metres.",
                    "'We are not taking any chances,' a coast guard spokesman said.",
                ],
                &[
                    "Tuesday, March 7 2017 09:15 CET",
                    "Norway, Bergen, fishing, storm, weather, coast guard, boats, North Sea",
                    "latest news",
                ],
            )
        },
        Case {
            published: Some((2018, 5, 3)),
            ..case(
                "archive notice, summary dek, repeated headline, highlights bullets",
                "This story is from May 3, 2018\n\nTwo ferries collide in fog off the harbour mouth\n\nTwo passenger ferries collided in thick fog near the harbour mouth on Thursday morning. Nobody was seriously hurt, the port authority said.\nTwo ferries collide in fog off the harbour mouth\nPassengers wait on the pier after the collision\nKey Highlights\n  • Ferries collided in thick fog\n  • Nobody was seriously hurt\nHALIFAX: Two passenger ferries collided in thick fog near the harbour mouth on Thursday morning, the port authority said.\nBoth vessels returned to port under their own power.\nEnd of Article\nFOLLOW US ON SOCIAL MEDIA",
                "Two ferries collide in fog off the harbour mouth",
                Some("Two passenger ferries collided in thick fog near the harbour mouth on Thursday morning. Nobody was seriously hurt, the port authority said."),
                &[
                    "Ferries collided in thick fog",
                    "Nobody was seriously hurt",
                    "HALIFAX: Two passenger ferries collided in thick fog near the harbour mouth on Thursday morning, the port authority said.",
                    "Both vessels returned to port under their own power.",
                ],
                &[
                    "This story is from May 3, 2018",
                    "Two ferries collide in fog off the harbour mouth",
                    "Passengers wait on the pier after the collision",
                    "Key Highlights",
                    "End of Article",
                    "FOLLOW US ON SOCIAL MEDIA",
                ],
            )
        },
        case(
            "no headline, comment counter",
            "Heavy snow closed schools across the region on Thursday, and forecasters warned that more was on the way. Road crews worked through the night.\nOfficials urged drivers to stay home unless their trip was essential.\n3 Comments",
            "",
            None,
            &[
                "Heavy snow closed schools across the region on Thursday, and forecasters warned that more was on the way. Road crews worked through the night.",
                "Officials urged drivers to stay home unless their trip was essential.",
            ],
            &["3 Comments"],
        ),
        Case {
            published: Some((2019, 4, 11)),
            ..case(
                "hard-wrapped wire copy without headline",
                " date 2019-04-11 (Updates with minister's comments)\nBy Lena Fischer\nBERLIN April 10 German carmakers will have to\nreport emissions data every quarter under rules\nagreed on Wednesday, the transport ministry said,\na move critics called too little and too late.\nThe ministry said the rules would take effect in\nJuly and apply to all brands sold in the country.\n\"We are closing a gap that should never have\nexisted,\" Transport Minister Jan Weber told\nreporters.\n",
                "",
                None,
                &[
                    "BERLIN April 10 German carmakers will have to report emissions data every quarter under rules agreed on Wednesday, the transport ministry said, a move critics called too little and too late.",
                    "The ministry said the rules would take effect in July and apply to all brands sold in the country.",
                    "\"We are closing a gap that should never have existed,\" Transport Minister Jan Weber told reporters.",
                ],
                &[
                    "date 2019-04-11 (Updates with minister's comments)",
                    "By Lena Fischer",
                ],
            )
        },
        case(
            "agency byline and standalone dateline",
            "Crews restore power after ice storm\n\n\nAssociated Press\n\nDENVER, COLO.\n\nUtility crews restored electricity to most of the 40,000 homes that lost power during Saturday's ice storm, officials said on Sunday.\n\nSchools in three districts will stay closed on Monday.\n",
            "Crews restore power after ice storm",
            None,
            &[
                "Utility crews restored electricity to most of the 40,000 homes that lost power during Saturday's ice storm, officials said on Sunday.",
                "Schools in three districts will stay closed on Monday.",
            ],
            &["Associated Press", "DENVER, COLO."],
        ),
        case(
            "name byline, comment link, dated caption, mid-body teasers, cut crosshead",
            "After the vote, here's what the council does next\n\nMaria Gomez\nView Comments\n\nCouncil members spent Wednesday morning sorting out which projects the new budget will fund first.\n\n\"We have more requests than money,\" council president Ed Park said.\n\nResidents pack the council chamber during the budget hearing, held March 2, 2019.\n\nThe parks department is expected to get the largest increase.\n\nFive takeaways from the budget fight\n\nHow each district fared in the final vote\n\nSeveral members said they would push for a transit study next year.\n\n'Fair share' for t",
            "After the vote, here's what the council does next",
            None,
            &[
                "Council members spent Wednesday morning sorting out which projects the new budget will fund first.",
                "\"We have more requests than money,\" council president Ed Park said.",
                "The parks department is expected to get the largest increase.",
                "Several members said they would push for a transit study next year.",
            ],
            &[
                "Maria Gomez",
                "View Comments",
                "Residents pack the council chamber during the budget hearing, held March 2, 2019.",
                "Five takeaways from the budget fight",
                "How each district fared in the final vote",
                "'Fair share' for t",
            ],
        ),
        case(
            "dated teaser list before the headline, dateline, ad, scene caption",
            "-\nTen ways to save on your energy bill - March 2, 2021\n-\nWhy your garden needs more bees - February 27, 2021\n-\nWildfire crews contain blaze near mountain town\nDENVER Firefighters on Sunday contained a wildfire that had forced hundreds of residents to flee a mountain town, officials said.\nAdvertisement\n\"We got lucky with the wind,\" fire chief Dana Cole said. Crews will stay on site for days.\nA helicopter drops water on the ridge above the town in this aerial view.\nAbout 300 homes were evacuated at the height of the fire.",
            "Wildfire crews contain blaze near mountain town",
            None,
            &[
                "DENVER Firefighters on Sunday contained a wildfire that had forced hundreds of residents to flee a mountain town, officials said.",
                "\"We got lucky with the wind,\" fire chief Dana Cole said. Crews will stay on site for days.",
                "About 300 homes were evacuated at the height of the fire.",
            ],
            &[
                "-",
                "Ten ways to save on your energy bill - March 2, 2021",
                "-",
                "Why your garden needs more bees - February 27, 2021",
                "-",
                "Advertisement",
                "A helicopter drops water on the ridge above the town in this aerial view.",
            ],
        ),
        case(
            "label, name byline, caption with courtesy credit",
            "Breaking News\n\nWarehouse fire sends smoke over the river district\n\nTom Reyes\nFirefighters work to contain the blaze at the warehouse on Pier Road. Photo courtesy City Fire Department\n\nA fire at a riverside warehouse sent thick smoke over the district on Tuesday, and residents were told to keep their windows shut.\nNo injuries were reported.\n\nNo comments",
            "Warehouse fire sends smoke over the river district",
            None,
            &[
                "A fire at a riverside warehouse sent thick smoke over the district on Tuesday, and residents were told to keep their windows shut.",
                "No injuries were reported.",
            ],
            &[
                "Breaking News",
                "Tom Reyes",
                "Firefighters work to contain the blaze at the warehouse on Pier Road. Photo courtesy City Fire Department",
                "No comments",
            ],
        ),
        Case {
            published: Some((2019, 3, 4)),
            ..case(
                "whole page flattened onto one line",
                "Science | Space Space Agency Delays Launch of Lunar Probe A fuel leak pushes back the mission By Ann Lee Posted Mar 4, 2019 9:30 AM EST Copied Engineers inspect the rocket at the pad on Monday. (AP Photo/Sam Diaz) The launch of the lunar probe has been delayed by at least a month after engineers found a small fuel leak during tests, the agency said. The probe was due to lift off next week. \"Safety comes before the calendar,\" the mission director said in a statement. Read These Next Bridge reopens after repairs. Mayor seeks a second term. Report an error",
                "Space Agency Delays Launch of Lunar Probe",
                Some("A fuel leak pushes back the mission"),
                &["The launch of the lunar probe has been delayed by at least a month after engineers found a small fuel leak during tests, the agency said. The probe was due to lift off next week. \"Safety comes before the calendar,\" the mission director said in a statement."],
                &[
                    "Science | Space",
                    "By Ann Lee",
                    "Posted Mar 4, 2019 9:30 AM EST",
                    "Copied",
                    "Engineers inspect the rocket at the pad on Monday. (AP Photo/Sam Diaz)",
                    "Read These Next Bridge reopens after repairs. Mayor seeks a second term.",
                    "Report an error",
                ],
            )
        },
        case(
            "browser notice, dek, image alt, caption with agency credit, source line",
            "IE 11 is not supported. Please switch to another browser for the best experience.\n\nDrought Forces Farmers to Sell Cattle Early\n\nRanchers say the dry spring has left little grass for their herds.\nImage: Cattle at an auction yard\nCattle wait at an auction yard in Amarillo.JOHN DOE / AP\n/ Source: AP\n\nCattle sales jumped 30 percent in May as ranchers across the plains sold animals they could no longer feed, market data showed.\n\nPrices fell as the supply grew, buyers said.",
            "Drought Forces Farmers to Sell Cattle Early",
            Some("Ranchers say the dry spring has left little grass for their herds."),
            &[
                "Cattle sales jumped 30 percent in May as ranchers across the plains sold animals they could no longer feed, market data showed.",
                "Prices fell as the supply grew, buyers said.",
            ],
            &[
                "IE 11 is not supported. Please switch to another browser for the best experience.",
                "Image: Cattle at an auction yard",
                "Cattle wait at an auction yard in Amarillo.JOHN DOE / AP",
                "/ Source: AP",
            ],
        ),
        Case {
            publisher: Some("The Harbour Times"),
            published: Some((2019, 6, 3)),
            ..case(
                "masthead twice, bullet headline, bullet caption with credit, timestamp",
                "The Harbour Times\nThe Harbour Times\n  • Port Workers End Strike After Pay Deal Is Reached\n\n  • Cranes stand idle at the container terminal during the stoppage\n\n, photo: Reuters/Ana Silva\n\n3 of June 2019 10:01:12\n\nLISBON, Portugal — Dock workers voted to return to work on Monday after a week-long strike, union leaders said.Ships had queued for days outside the harbour.\n\nShareShare FBShare TWShare LI\n\nMost Popular",
                "Port Workers End Strike After Pay Deal Is Reached",
                None,
                &["LISBON, Portugal — Dock workers voted to return to work on Monday after a week-long strike, union leaders said.Ships had queued for days outside the harbour."],
                &[
                    "The Harbour Times",
                    "The Harbour Times",
                    "• Cranes stand idle at the container terminal during the stoppage",
                    ", photo: Reuters/Ana Silva",
                    "3 of June 2019 10:01:12",
                    "ShareShare FBShare TWShare LI",
                    "Most Popular",
                ],
            )
        },
        case(
            "update stamp between headline and unbroken body lines",
            "Airport adds night flights to ease summer rush\nUpdated : 08:30\nThe airport will run six extra night flights a week from June, its operator said on Friday.\nThe flights will serve holiday destinations in the south.\nNeighbours have complained about noise.",
            "Airport adds night flights to ease summer rush",
            None,
            &[
                "The airport will run six extra night flights a week from June, its operator said on Friday.",
                "The flights will serve holiday destinations in the south.",
                "Neighbours have complained about noise.",
            ],
            &["Updated : 08:30"],
        ),
        case(
            "caption ending in Credit:",
            "Miners rescued after two days underground\n\nFamilies cheered as the first miner was brought to the surface. Credit: AFP\n\nAll twelve miners trapped by a tunnel collapse were brought out alive on Wednesday, the mining company said.\n\nThey were taken to hospital for checks.",
            "Miners rescued after two days underground",
            None,
            &[
                "All twelve miners trapped by a tunnel collapse were brought out alive on Wednesday, the mining company said.",
                "They were taken to hospital for checks.",
            ],
            &["Families cheered as the first miner was brought to the surface. Credit: AFP"],
        ),
        Case {
            publisher: Some("Harbour Gazette"),
            ..case(
                "copyright footer names the publisher",
                "Bakery wins national bread prize\n\nA small family bakery has won the national bread prize for its rye loaf, the judges announced on Friday.\n\nThe bakery was founded in 1952.\n\n© 2019 Harbour Gazette. All rights reserved.",
                "Bakery wins national bread prize",
                None,
                &[
                    "A small family bakery has won the national bread prize for its rye loaf, the judges announced on Friday.",
                    "The bakery was founded in 1952.",
                ],
                &["© 2019 Harbour Gazette. All rights reserved."],
            )
        },
        Case {
            publisher: Some("valleynews.com"),
            ..case(
                "site domain line names the publisher",
                "www.valleynews.com\n\nValley school board approves later start times\n\nThe school board voted 5-2 on Monday to push back the start of the school day by 45 minutes next fall.\n\nParents were split on the change.",
                "Valley school board approves later start times",
                None,
                &[
                    "The school board voted 5-2 on Monday to push back the start of the school day by 45 minutes next fall.",
                    "Parents were split on the change.",
                ],
                &["www.valleynews.com"],
            )
        },
        Case {
            published: Some((2019, 3, 12)),
            ..case(
                "date dateline inside the body gives the publication date",
                "Council backs new recycling plan\n\nThe council approved the plan by a wide margin.\n\nAdvertisement\n\nMar 12, 2019- The council voted on Tuesday to expand curbside recycling to every neighbourhood by next spring.\n\nThe plan will cost 2 million dollars.",
                "Council backs new recycling plan",
                Some("The council approved the plan by a wide margin."),
                &[
                    "Mar 12, 2019- The council voted on Tuesday to expand curbside recycling to every neighbourhood by next spring.",
                    "The plan will cost 2 million dollars.",
                ],
                &["Advertisement"],
            )
        },
        case(
            "title-case headline glued to the first sentence",
            "Council Approves New Bus RoutesThe city council on Tuesday approved four new bus routes that will link the suburbs to the hospital district, officials said.\n\nThe routes start in September.",
            "Council Approves New Bus Routes",
            None,
            &[
                "The city council on Tuesday approved four new bus routes that will link the suburbs to the hospital district, officials said.",
                "The routes start in September.",
            ],
            &[],
        ),
        case(
            "question headline",
            "Will the old dam survive another winter?\n\nEngineers say cracks in the 90-year-old dam have grown wider since the spring floods.\n\nRepairs would cost about 8 million dollars.",
            "Will the old dam survive another winter?",
            None,
            &[
                "Engineers say cracks in the 90-year-old dam have grown wider since the spring floods.",
                "Repairs would cost about 8 million dollars.",
            ],
            &[],
        ),
        case(
            "wire credits, comment prompt and contact line at the end",
            "Chess prodigy, 12, becomes youngest grandmaster\n\nA 12-year-old from Chennai became the youngest chess grandmaster in history on Sunday, the world chess federation said.\n\nHe secured the title with a draw in the final round.\n\n(Reporting by Ann Smith; Editing by Tom Brown)\n\nWhat do you think? Leave your comments below.\n\nContact the reporter at ann.smith@example.org.",
            "Chess prodigy, 12, becomes youngest grandmaster",
            None,
            &[
                "A 12-year-old from Chennai became the youngest chess grandmaster in history on Sunday, the world chess federation said.",
                "He secured the title with a draw in the final round.",
            ],
            &[
                "(Reporting by Ann Smith; Editing by Tom Brown)",
                "What do you think? Leave your comments below.",
                "Contact the reporter at ann.smith@example.org.",
            ],
        ),
        case(
            "curly quotes, dashes and non-ASCII names kept exactly",
            "Zoë Müller-Ødegaard wins the Oslo marathon\n\nZoë Müller-Ødegaard crossed the line in 2:21:05 — a course record — on Sunday.\n\n“I’m still shaking,” she said. ‘It hurt from the 30th kilometre.’\n",
            "Zoë Müller-Ødegaard wins the Oslo marathon",
            None,
            &[
                "Zoë Müller-Ødegaard crossed the line in 2:21:05 — a course record — on Sunday.",
                "“I’m still shaking,” she said. ‘It hurt from the 30th kilometre.’",
            ],
            &[],
        ),
        case(
            "CRLF line endings",
            "Rail strike called off at last minute\r\n\r\nUnions called off Monday's rail strike late on Sunday after a new pay offer, the operator said.\r\n\r\nTrains will run normally.\r\n",
            "Rail strike called off at last minute",
            None,
            &[
                "Unions called off Monday's rail strike late on Sunday after a new pay offer, the operator said.",
                "Trains will run normally.",
            ],
            &[],
        ),
        case(
            "cut-off last line that is prose is kept",
            "Regulator fines bank over data breach\n\nThe regulator fined the bank 4 million euros on Thursday for failing to protect customer data.\n\nThe agency has not said when it would",
            "Regulator fines bank over data breach",
            None,
            &[
                "The regulator fined the bank 4 million euros on Thursday for failing to protect customer data.",
                "The agency has not said when it would",
            ],
            &[],
        ),
        case(
            "tag line and byline with two names",
            "Ohio turnout hits record in early voting\n\nBy Maria Lopez and Tom Reed\n\nEarly voting turnout in Ohio reached a record on Monday, with more than a million ballots already cast, state officials said.\n\nLines stretched around several polling stations.\n\nTags: elections, Ohio, voting",
            "Ohio turnout hits record in early voting",
            None,
            &[
                "Early voting turnout in Ohio reached a record on Monday, with more than a million ballots already cast, state officials said.",
                "Lines stretched around several polling stations.",
            ],
            &["By Maria Lopez and Tom Reed", "Tags: elections, Ohio, voting"],
        ),
        case(
            "crosshead inside the body is dropped",
            "City unveils plan to plant 10,000 trees\n\nThe city will plant 10,000 trees over five years to cool its hottest neighbourhoods, the mayor said on Friday.\n\nWhat happens next\n\nResidents can request a tree outside their home from March.",
            "City unveils plan to plant 10,000 trees",
            None,
            &[
                "The city will plant 10,000 trees over five years to cool its hottest neighbourhoods, the mayor said on Friday.",
                "Residents can request a tree outside their home from March.",
            ],
            &["What happens next"],
        ),
        Case {
            publisher: Some("Coastline Media"),
            published: Some((2019, 3, 4)),
            ..case(
                "posted line, copyright without year",
                "Posted Mar 4, 2019 9:30 AM EST\n\nVolunteers clean up the beach after winter storms\n\nMore than 200 volunteers collected two tonnes of rubbish from the beach on Saturday, organisers said.\n\nThe clean-up is held every spring.\n\nCopyright Coastline Media",
                "Volunteers clean up the beach after winter storms",
                None,
                &[
                    "More than 200 volunteers collected two tonnes of rubbish from the beach on Saturday, organisers said.",
                    "The clean-up is held every spring.",
                ],
                &["Posted Mar 4, 2019 9:30 AM EST", "Copyright Coastline Media"],
            )
        },
        case(
            "quote paragraph without final period is body",
            "Museum returns looted statues\n\nThe museum returned three bronze statues to their country of origin on Monday, ending a decade-long dispute.\n\nThe culture minister called it “a day of justice for our heritage”\n\nThe statues will go on display next year.",
            "Museum returns looted statues",
            None,
            &[
                "The museum returned three bronze statues to their country of origin on Monday, ending a decade-long dispute.",
                "The culture minister called it “a day of justice for our heritage”",
                "The statues will go on display next year.",
            ],
            &[],
        ),
        case(
            "related links after the end of the article",
            "Zoo welcomes twin panda cubs\n\nThe zoo announced the birth of twin panda cubs on Tuesday, the first born there in twenty years.\n\nMother and cubs are doing well, keepers said.\n\nRelated Stories\n\nKeepers prepare for busy summer season\n\nPanda diplomacy: a short history of loans abroad",
            "Zoo welcomes twin panda cubs",
            None,
            &[
                "The zoo announced the birth of twin panda cubs on Tuesday, the first born there in twenty years.",
                "Mother and cubs are doing well, keepers said.",
            ],
            &[
                "Related Stories",
                "Keepers prepare for busy summer season",
                "Panda diplomacy: a short history of loans abroad",
            ],
        ),
        Case {
            published: Some((2024, 3, 5)),
            ..case(
                "blog breadcrumb, post metadata, related list, comment form",
                "Home » World » Asia\nTyphoon slams into island coast, thousands evacuated\nMarch 5, 2024 by admin 2 Comments\nA powerful typhoon made landfall early Tuesday, forcing thousands of people to flee their homes.\nSchools and offices were closed in several provinces.\nYou might also like:\nFloods hit the capital as rainy season peaks\nLeave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *",
                "Typhoon slams into island coast, thousands evacuated",
                None,
                &[
                    "A powerful typhoon made landfall early Tuesday, forcing thousands of people to flee their homes.",
                    "Schools and offices were closed in several provinces.",
                ],
                &[
                    "Home » World » Asia",
                    "March 5, 2024 by admin 2 Comments",
                    "You might also like:",
                    "Floods hit the capital as rainy season peaks",
                    "Leave a Reply Cancel reply",
                    "Your email address will not be published. Required fields are marked *",
                ],
            )
        },
        Case {
            published: Some((2024, 3, 3)),
            ..case(
                "wire story with capitalised byline, update stamp and contributor line",
                "Quake shakes southern coast, no immediate reports of damage\nBy MARIA LOPEZ\nUpdated 9:14 PM GMT+1, March 3, 2024\nShare\nPORT TOWN (AP) — A magnitude 6.1 earthquake shook the southern coast on Sunday, the seismological service said.\nThere were no immediate reports of damage or injuries.\n___\nAssociated Press writer Ana Ruiz contributed to this report.",
                "Quake shakes southern coast, no immediate reports of damage",
                None,
                &[
                    "PORT TOWN (AP) — A magnitude 6.1 earthquake shook the southern coast on Sunday, the seismological service said.",
                    "There were no immediate reports of damage or injuries.",
                ],
                &[
                    "By MARIA LOPEZ",
                    "Updated 9:14 PM GMT+1, March 3, 2024",
                    "Share",
                    "___",
                    "Associated Press writer Ana Ruiz contributed to this report.",
                ],
            )
        },
        case(
            "double-spaced hard-wrapped copy",
            "Ferry service resumes after storm\n\nFerry operators resumed crossings on Monday after\n\nthree days of gales kept boats in port and left\n\nhundreds of travellers stranded on both sides of\n\nthe strait, the port authority said.\n\nExtra sailings were added to clear the backlog.\n",
            "Ferry service resumes after storm",
            None,
            &["Ferry operators resumed crossings on Monday after three days of gales kept boats in port and left hundreds of travellers stranded on both sides of the strait, the port authority said.",
              "Extra sailings were added to clear the backlog."],
            &[],
        ),
        case(
            "related label in the middle of the article does not end it",
            "Drivers face new toll on coastal highway\n\nDrivers will pay a new toll on the coastal highway from April, the transport department said on Wednesday, to fund repairs to two bridges.\n\nRelated\n\nBridge repairs to close lanes for months\n\nThe toll will be 3 dollars for cars and 9 dollars for lorries, and it will be collected electronically at both ends of the route.\n\nLocal residents get a discount.\n\nMost Popular\n\nMan rescued from flooded cave after nine hours",
            "Drivers face new toll on coastal highway",
            None,
            &[
                "Drivers will pay a new toll on the coastal highway from April, the transport department said on Wednesday, to fund repairs to two bridges.",
                "The toll will be 3 dollars for cars and 9 dollars for lorries, and it will be collected electronically at both ends of the route.",
                "Local residents get a discount.",
            ],
            &[
                "Related",
                "Bridge repairs to close lanes for months",
                "Most Popular",
                "Man rescued from flooded cave after nine hours",
            ],
        ),
        Case {
            publisher: Some("harbourpost.com"),
            published: Some((2018, 10, 9)),
            ..case(
                "byline with publication stamp on one line, domain copyright",
                "Ferry fares to rise in winter\n\nBy Jane Doe | Published Oct 9, 2018\n\nFerry fares will rise by 5 percent from November, the operator announced on Friday.\n\nSeason tickets are not affected.\n\n© 2018 harbourpost.com",
                "Ferry fares to rise in winter",
                None,
                &[
                    "Ferry fares will rise by 5 percent from November, the operator announced on Friday.",
                    "Season tickets are not affected.",
                ],
                &["By Jane Doe | Published Oct 9, 2018", "© 2018 harbourpost.com"],
            )
        },
        case(
            "teaser list introduced by a label before the headline",
            "Trending\nMarkets slide as bond yields climb\nStorm batters the southern coast\n\nCity opens its first floating solar farm\n\nBy Ana Ruiz\n\nThe city switched on its first floating solar farm on Tuesday, the utility said.\n\nIt will power 2,000 homes.",
            "City opens its first floating solar farm",
            None,
            &[
                "The city switched on its first floating solar farm on Tuesday, the utility said.",
                "It will power 2,000 homes.",
            ],
            &[
                "Trending",
                "Markets slide as bond yields climb",
                "Storm batters the southern coast",
                "By Ana Ruiz",
            ],
        ),
        case(
            "paragraph split by an ad label",
            "Harbour tunnel to close for repairs\n\nThe harbour tunnel will close for six weeks from May while engineers replace\n\nAdvertisement\n\nits ventilation fans, the roads agency said on Monday.\n\nBuses will use the old bridge.",
            "Harbour tunnel to close for repairs",
            None,
            &[
                "The harbour tunnel will close for six weeks from May while engineers replace its ventilation fans, the roads agency said on Monday.",
                "Buses will use the old bridge.",
            ],
            &["Advertisement"],
        ),
        case(
            "empty input",
            "",
            "",
            None,
            &[],
            &[],
        ),
        case(
            "only furniture",
            "Share\n\nAdvertisement\n\nMost Popular\n",
            "",
            None,
            &[],
            &["Share", "Advertisement", "Most Popular"],
        ),
    ]
}

#[test]
fn table_of_articles() {
    let stats = CorpusStats::default();
    let opts = CleanOptions::default();
    let all = cases();
    assert!(all.len() >= 30, "at least 30 cases");
    for c in &all {
        let got = clean(c.raw, &stats, &opts);
        check(c, &got);
    }
}

#[test]
fn user_patterns_remove_lines() {
    let raw = "Solar farm opens on former mine site\n\nA 50-megawatt solar farm opened on a former coal mine site on Thursday, the operator said.\n\nSponsored by Acme Tools. Visit our store today.\n\nThe farm will power 15,000 homes.";
    let plain = clean(raw, &CorpusStats::default(), &CleanOptions::default());
    assert_eq!(plain.paragraphs.len(), 3);
    let opts = CleanOptions {
        boilerplate: vec![Regex::new("^Sponsored by ").expect("regex")],
    };
    let got = clean(raw, &CorpusStats::default(), &opts);
    assert_eq!(
        got.paragraphs,
        vec![
            "A 50-megawatt solar farm opened on a former coal mine site on Thursday, the operator said.",
            "The farm will power 15,000 homes."
        ]
    );
    assert_eq!(got.removed.len(), 1);
    assert_eq!(got.removed[0].line, 5);
    assert_eq!(got.removed[0].why, "user boilerplate pattern");
}

#[test]
fn lines_recurring_across_the_corpus_are_furniture() {
    let tagline = "Our newsroom is open around the clock for your tips.";
    let texts = [
        format!("Storm closes ports\n\nThe storm closed three ports on Monday, officials said.\n\n{tagline}"),
        format!("Bridge reopens\n\nThe bridge reopened to traffic on Friday after repairs, the city said.\n\n{tagline}"),
        format!("Mayor resigns\n\nThe mayor resigned on Tuesday after a row over the budget, aides said.\n\n{tagline}"),
        "Festival sold out\n\nThe music festival sold out in two hours, organisers said.".to_string(),
    ];
    let stats = CorpusStats::from_texts(texts.iter().map(String::as_str));
    let got = clean(&texts[0], &stats, &CleanOptions::default());
    assert_eq!(
        got.paragraphs,
        vec!["The storm closed three ports on Monday, officials said."]
    );
    assert_eq!(got.removed.len(), 1);
    assert_eq!(got.removed[0].text, tagline);
    // without corpus statistics the same line is ordinary body text
    let alone = clean(&texts[0], &CorpusStats::default(), &CleanOptions::default());
    assert_eq!(alone.paragraphs.len(), 2);
}

#[test]
fn big_and_hostile_inputs_finish_quickly() {
    let start = std::time::Instant::now();
    let stats = CorpusStats::default();
    let opts = CleanOptions::default();
    let one_line = "word ".repeat(200_000);
    let many_lines = "Short Line Without Stop\n".repeat(40_000);
    let mut binary = String::new();
    for i in 0..200_000u32 {
        binary.push(char::from_u32(i % 0x2FFF).unwrap_or('?'));
    }
    let bylines = "By Jane Doe Posted ".repeat(50_000);
    for raw in [&one_line, &many_lines, &binary, &bylines] {
        let c = clean(raw, &stats, &opts);
        let kept: usize = c.paragraphs.iter().map(String::len).sum();
        assert!(kept <= raw.len() + 16);
    }
    let s = CorpusStats::from_texts([one_line.as_str(), many_lines.as_str()]);
    assert_eq!(s.files, 2);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn a_dated_photo_caption_gives_the_caption_date_not_the_publication_date() {
    let raw = "Rivals trade blows in a heated council debate\n\nThe two candidates were back on the campaign trail Thursday, each claiming the upper hand.\n\nMost observers judged Roe the winner, but Poe said he had enjoyed the night.\n\nJane Roe and John Poe face off at the town hall during their first debate, held Oct. 4, 2017.\n\nRoe told supporters Thursday morning that \"last night went well for us.\"\n";
    let got = clean(raw, &CorpusStats::default(), &CleanOptions::default());
    assert_eq!(
        got.paragraphs,
        vec![
            "The two candidates were back on the campaign trail Thursday, each claiming the upper hand.",
            "Most observers judged Roe the winner, but Poe said he had enjoyed the night.",
            "Roe told supporters Thursday morning that \"last night went well for us.\"",
        ]
    );
    assert_eq!(got.removed.len(), 1);
    assert_eq!(got.removed[0].why, "photo caption");
    assert_eq!(got.published, None, "a caption does not date the article");
    assert_eq!(got.caption_date, NaiveDate::from_ymd_opt(2017, 10, 4));
}

#[test]
fn teaser_dates_and_file_photos_are_not_caption_dates() {
    // dated teasers of other stories around the article
    let raw = "-\nHow to plan a garden you can keep alive - March 3, 2021\n-\nFive habits of people who never miss a train - March 1, 2021\n-\nWhy your houseplants keep dying - January 9, 2020\nFlood waters rise in the river valley\nRescuers searched flooded villages in the valley early Monday as the river kept rising.\nDamage from the flood early Monday is seen across the lower town in this aerial view.\nThe regional governor said more rain was expected.\n";
    let got = clean(raw, &CorpusStats::default(), &CleanOptions::default());
    assert_eq!(got.title, "Flood waters rise in the river valley");
    assert!(got
        .removed
        .iter()
        .any(|r| r.why == "teaser headline with date"));
    assert!(got.removed.iter().any(|r| r.why == "photo caption"));
    assert_eq!(got.published, None);
    assert_eq!(got.caption_date, None);
    // a file photo's date is the picture's, not the story's
    let raw = "Port strike enters its second week\n\nDock workers stayed off the job on Monday as talks stalled, the union said.\n\nA container ship is seen at the port in this file photo taken March 4, 2012.\n\nThe port handles a third of the country's trade.\n";
    let got = clean(raw, &CorpusStats::default(), &CleanOptions::default());
    assert!(got.removed.iter().any(|r| r.why == "photo caption"));
    assert_eq!(got.caption_date, None);
}
