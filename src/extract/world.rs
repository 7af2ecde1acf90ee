//! Built-in world knowledge: general facts about states, titles, speech verbs,
//! news agencies and international bodies. Nothing here is specific to any corpus:
//! no person is named here; people are found from the text.

use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};

/// A state: canonical short name, other names, demonyms, capital.
pub struct State {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub demonyms: &'static [&'static str],
    /// Seat of government ("" when none is used for metonymy).
    pub capital: &'static str,
}

/// UN member states and a few other widely recognised states.
pub static STATES: &[State] = &[
    State {
        name: "Afghanistan",
        aliases: &["Islamic Republic of Afghanistan"],
        demonyms: &["Afghan", "Afghans"],
        capital: "Kabul",
    },
    State {
        name: "Albania",
        aliases: &["Republic of Albania"],
        demonyms: &["Albanian", "Albanians"],
        capital: "Tirana",
    },
    State {
        name: "Algeria",
        aliases: &["People's Democratic Republic of Algeria"],
        demonyms: &["Algerian", "Algerians"],
        capital: "Algiers",
    },
    State {
        name: "Andorra",
        aliases: &[],
        demonyms: &["Andorran", "Andorrans"],
        capital: "Andorra la Vella",
    },
    State {
        name: "Angola",
        aliases: &["Republic of Angola"],
        demonyms: &["Angolan", "Angolans"],
        capital: "Luanda",
    },
    State {
        name: "Antigua and Barbuda",
        aliases: &[],
        demonyms: &["Antiguan", "Antiguans"],
        capital: "St. John's",
    },
    State {
        name: "Argentina",
        aliases: &["Argentine Republic"],
        demonyms: &["Argentine", "Argentinian", "Argentines", "Argentinians"],
        capital: "Buenos Aires",
    },
    State {
        name: "Armenia",
        aliases: &["Republic of Armenia"],
        demonyms: &["Armenian", "Armenians"],
        capital: "Yerevan",
    },
    State {
        name: "Australia",
        aliases: &["Commonwealth of Australia"],
        demonyms: &["Australian", "Australians"],
        capital: "Canberra",
    },
    State {
        name: "Austria",
        aliases: &["Republic of Austria"],
        demonyms: &["Austrian", "Austrians"],
        capital: "Vienna",
    },
    State {
        name: "Azerbaijan",
        aliases: &["Republic of Azerbaijan"],
        demonyms: &["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
        capital: "Baku",
    },
    State {
        name: "Bahamas",
        aliases: &["The Bahamas"],
        demonyms: &["Bahamian", "Bahamians"],
        capital: "Nassau",
    },
    State {
        name: "Bahrain",
        aliases: &["Kingdom of Bahrain"],
        demonyms: &["Bahraini", "Bahrainis"],
        capital: "Manama",
    },
    State {
        name: "Bangladesh",
        aliases: &["People's Republic of Bangladesh"],
        demonyms: &["Bangladeshi", "Bangladeshis"],
        capital: "Dhaka",
    },
    State {
        name: "Barbados",
        aliases: &[],
        demonyms: &["Barbadian", "Barbadians"],
        capital: "Bridgetown",
    },
    State {
        name: "Belarus",
        aliases: &["Republic of Belarus"],
        demonyms: &["Belarusian", "Belarusians"],
        capital: "Minsk",
    },
    State {
        name: "Belgium",
        aliases: &["Kingdom of Belgium"],
        demonyms: &["Belgian", "Belgians"],
        capital: "Brussels",
    },
    State {
        name: "Belize",
        aliases: &[],
        demonyms: &["Belizean", "Belizeans"],
        capital: "Belmopan",
    },
    State {
        name: "Benin",
        aliases: &["Republic of Benin"],
        demonyms: &["Beninese"],
        capital: "Porto-Novo",
    },
    State {
        name: "Bhutan",
        aliases: &["Kingdom of Bhutan"],
        demonyms: &["Bhutanese"],
        capital: "Thimphu",
    },
    State {
        name: "Bolivia",
        aliases: &["Plurinational State of Bolivia"],
        demonyms: &["Bolivian", "Bolivians"],
        capital: "La Paz",
    },
    State {
        name: "Bosnia and Herzegovina",
        aliases: &["Bosnia"],
        demonyms: &["Bosnian", "Bosnians"],
        capital: "Sarajevo",
    },
    State {
        name: "Botswana",
        aliases: &["Republic of Botswana"],
        demonyms: &["Motswana", "Batswana"],
        capital: "Gaborone",
    },
    State {
        name: "Brazil",
        aliases: &["Federative Republic of Brazil"],
        demonyms: &["Brazilian", "Brazilians"],
        capital: "Brasilia",
    },
    State {
        name: "Brunei",
        aliases: &["Brunei Darussalam"],
        demonyms: &["Bruneian", "Bruneians"],
        capital: "Bandar Seri Begawan",
    },
    State {
        name: "Bulgaria",
        aliases: &["Republic of Bulgaria"],
        demonyms: &["Bulgarian", "Bulgarians"],
        capital: "Sofia",
    },
    State {
        name: "Burkina Faso",
        aliases: &[],
        demonyms: &["Burkinabe"],
        capital: "Ouagadougou",
    },
    State {
        name: "Burundi",
        aliases: &["Republic of Burundi"],
        demonyms: &["Burundian", "Burundians"],
        capital: "Gitega",
    },
    State {
        name: "Cambodia",
        aliases: &["Kingdom of Cambodia"],
        demonyms: &["Cambodian", "Cambodians"],
        capital: "Phnom Penh",
    },
    State {
        name: "Cameroon",
        aliases: &["Republic of Cameroon"],
        demonyms: &["Cameroonian", "Cameroonians"],
        capital: "Yaounde",
    },
    State {
        name: "Canada",
        aliases: &[],
        demonyms: &["Canadian", "Canadians"],
        capital: "Ottawa",
    },
    State {
        name: "Cape Verde",
        aliases: &["Cabo Verde"],
        demonyms: &["Cape Verdean", "Cape Verdeans"],
        capital: "Praia",
    },
    State {
        name: "Central African Republic",
        aliases: &["CAR"],
        demonyms: &["Central African", "Central Africans"],
        capital: "Bangui",
    },
    State {
        name: "Chad",
        aliases: &["Republic of Chad"],
        demonyms: &["Chadian", "Chadians"],
        capital: "N'Djamena",
    },
    State {
        name: "Chile",
        aliases: &["Republic of Chile"],
        demonyms: &["Chilean", "Chileans"],
        capital: "Santiago",
    },
    State {
        name: "China",
        aliases: &["People's Republic of China", "PRC"],
        demonyms: &["Chinese"],
        capital: "Beijing",
    },
    State {
        name: "Colombia",
        aliases: &["Republic of Colombia"],
        demonyms: &["Colombian", "Colombians"],
        capital: "Bogota",
    },
    State {
        name: "Comoros",
        aliases: &["Union of the Comoros"],
        demonyms: &["Comorian", "Comorians"],
        capital: "Moroni",
    },
    State {
        name: "Democratic Republic of the Congo",
        aliases: &["DR Congo", "DRC", "Congo-Kinshasa"],
        demonyms: &["Congolese"],
        capital: "Kinshasa",
    },
    State {
        name: "Republic of the Congo",
        aliases: &["Congo-Brazzaville", "Congo"],
        demonyms: &["Congolese"],
        capital: "Brazzaville",
    },
    State {
        name: "Costa Rica",
        aliases: &["Republic of Costa Rica"],
        demonyms: &["Costa Rican", "Costa Ricans"],
        capital: "San Jose",
    },
    State {
        name: "Ivory Coast",
        aliases: &["Cote d'Ivoire", "Côte d'Ivoire"],
        demonyms: &["Ivorian", "Ivorians"],
        capital: "Yamoussoukro",
    },
    State {
        name: "Croatia",
        aliases: &["Republic of Croatia"],
        demonyms: &["Croatian", "Croatians", "Croat", "Croats"],
        capital: "Zagreb",
    },
    State {
        name: "Cuba",
        aliases: &["Republic of Cuba"],
        demonyms: &["Cuban", "Cubans"],
        capital: "Havana",
    },
    State {
        name: "Cyprus",
        aliases: &["Republic of Cyprus"],
        demonyms: &["Cypriot", "Cypriots"],
        capital: "Nicosia",
    },
    State {
        name: "Czech Republic",
        aliases: &["Czechia"],
        demonyms: &["Czech", "Czechs"],
        capital: "Prague",
    },
    State {
        name: "Denmark",
        aliases: &["Kingdom of Denmark"],
        demonyms: &["Danish", "Danes"],
        capital: "Copenhagen",
    },
    State {
        name: "Djibouti",
        aliases: &["Republic of Djibouti"],
        demonyms: &["Djiboutian", "Djiboutians"],
        capital: "Djibouti City",
    },
    State {
        name: "Dominica",
        aliases: &["Commonwealth of Dominica"],
        demonyms: &["Dominican", "Dominicans"],
        capital: "Roseau",
    },
    State {
        name: "Dominican Republic",
        aliases: &[],
        demonyms: &["Dominican", "Dominicans"],
        capital: "Santo Domingo",
    },
    State {
        name: "Ecuador",
        aliases: &["Republic of Ecuador"],
        demonyms: &["Ecuadorian", "Ecuadorians"],
        capital: "Quito",
    },
    State {
        name: "Egypt",
        aliases: &["Arab Republic of Egypt"],
        demonyms: &["Egyptian", "Egyptians"],
        capital: "Cairo",
    },
    State {
        name: "El Salvador",
        aliases: &["Republic of El Salvador"],
        demonyms: &["Salvadoran", "Salvadorans"],
        capital: "San Salvador",
    },
    State {
        name: "Equatorial Guinea",
        aliases: &[],
        demonyms: &["Equatorial Guinean", "Equatoguinean"],
        capital: "Malabo",
    },
    State {
        name: "Eritrea",
        aliases: &["State of Eritrea"],
        demonyms: &["Eritrean", "Eritreans"],
        capital: "Asmara",
    },
    State {
        name: "Estonia",
        aliases: &["Republic of Estonia"],
        demonyms: &["Estonian", "Estonians"],
        capital: "Tallinn",
    },
    State {
        name: "Eswatini",
        aliases: &["Swaziland"],
        demonyms: &["Swazi", "Swazis"],
        capital: "Mbabane",
    },
    State {
        name: "Ethiopia",
        aliases: &["Federal Democratic Republic of Ethiopia"],
        demonyms: &["Ethiopian", "Ethiopians"],
        capital: "Addis Ababa",
    },
    State {
        name: "Fiji",
        aliases: &["Republic of Fiji"],
        demonyms: &["Fijian", "Fijians"],
        capital: "Suva",
    },
    State {
        name: "Finland",
        aliases: &["Republic of Finland"],
        demonyms: &["Finnish", "Finns"],
        capital: "Helsinki",
    },
    State {
        name: "France",
        aliases: &["French Republic"],
        demonyms: &["French", "Frenchman", "Frenchmen"],
        capital: "Paris",
    },
    State {
        name: "Gabon",
        aliases: &["Gabonese Republic"],
        demonyms: &["Gabonese"],
        capital: "Libreville",
    },
    State {
        name: "Gambia",
        aliases: &["The Gambia"],
        demonyms: &["Gambian", "Gambians"],
        capital: "Banjul",
    },
    State {
        name: "Georgia",
        aliases: &[],
        demonyms: &["Georgian", "Georgians"],
        capital: "Tbilisi",
    },
    State {
        name: "Germany",
        aliases: &["Federal Republic of Germany"],
        demonyms: &["German", "Germans"],
        capital: "Berlin",
    },
    State {
        name: "Ghana",
        aliases: &["Republic of Ghana"],
        demonyms: &["Ghanaian", "Ghanaians"],
        capital: "Accra",
    },
    State {
        name: "Greece",
        aliases: &["Hellenic Republic"],
        demonyms: &["Greek", "Greeks"],
        capital: "Athens",
    },
    State {
        name: "Grenada",
        aliases: &[],
        demonyms: &["Grenadian", "Grenadians"],
        capital: "St. George's",
    },
    State {
        name: "Guatemala",
        aliases: &["Republic of Guatemala"],
        demonyms: &["Guatemalan", "Guatemalans"],
        capital: "Guatemala City",
    },
    State {
        name: "Guinea",
        aliases: &["Republic of Guinea"],
        demonyms: &["Guinean", "Guineans"],
        capital: "Conakry",
    },
    State {
        name: "Guinea-Bissau",
        aliases: &[],
        demonyms: &["Bissau-Guinean"],
        capital: "Bissau",
    },
    State {
        name: "Guyana",
        aliases: &["Co-operative Republic of Guyana"],
        demonyms: &["Guyanese"],
        capital: "Georgetown",
    },
    State {
        name: "Haiti",
        aliases: &["Republic of Haiti"],
        demonyms: &["Haitian", "Haitians"],
        capital: "Port-au-Prince",
    },
    State {
        name: "Honduras",
        aliases: &["Republic of Honduras"],
        demonyms: &["Honduran", "Hondurans"],
        capital: "Tegucigalpa",
    },
    State {
        name: "Hungary",
        aliases: &[],
        demonyms: &["Hungarian", "Hungarians"],
        capital: "Budapest",
    },
    State {
        name: "Iceland",
        aliases: &[],
        demonyms: &["Icelandic", "Icelanders"],
        capital: "Reykjavik",
    },
    State {
        name: "India",
        aliases: &["Republic of India"],
        demonyms: &["Indian", "Indians"],
        capital: "New Delhi",
    },
    State {
        name: "Indonesia",
        aliases: &["Republic of Indonesia"],
        demonyms: &["Indonesian", "Indonesians"],
        capital: "Jakarta",
    },
    State {
        name: "Iran",
        aliases: &["Islamic Republic of Iran"],
        demonyms: &["Iranian", "Iranians"],
        capital: "Tehran",
    },
    State {
        name: "Iraq",
        aliases: &["Republic of Iraq"],
        demonyms: &["Iraqi", "Iraqis"],
        capital: "Baghdad",
    },
    State {
        name: "Ireland",
        aliases: &["Republic of Ireland", "Eire"],
        demonyms: &["Irish"],
        capital: "Dublin",
    },
    State {
        name: "Israel",
        aliases: &["State of Israel"],
        demonyms: &["Israeli", "Israelis"],
        capital: "Jerusalem",
    },
    State {
        name: "Italy",
        aliases: &["Italian Republic"],
        demonyms: &["Italian", "Italians"],
        capital: "Rome",
    },
    State {
        name: "Jamaica",
        aliases: &[],
        demonyms: &["Jamaican", "Jamaicans"],
        capital: "Kingston",
    },
    State {
        name: "Japan",
        aliases: &[],
        demonyms: &["Japanese"],
        capital: "Tokyo",
    },
    State {
        name: "Jordan",
        aliases: &["Hashemite Kingdom of Jordan"],
        demonyms: &["Jordanian", "Jordanians"],
        capital: "Amman",
    },
    State {
        name: "Kazakhstan",
        aliases: &["Republic of Kazakhstan"],
        demonyms: &["Kazakh", "Kazakhs", "Kazakhstani"],
        capital: "Astana",
    },
    State {
        name: "Kenya",
        aliases: &["Republic of Kenya"],
        demonyms: &["Kenyan", "Kenyans"],
        capital: "Nairobi",
    },
    State {
        name: "Kiribati",
        aliases: &[],
        demonyms: &["I-Kiribati"],
        capital: "Tarawa",
    },
    State {
        name: "North Korea",
        aliases: &["Democratic People's Republic of Korea", "DPRK"],
        demonyms: &["North Korean", "North Koreans"],
        capital: "Pyongyang",
    },
    State {
        name: "South Korea",
        aliases: &["Republic of Korea", "ROK"],
        demonyms: &["South Korean", "South Koreans"],
        capital: "Seoul",
    },
    State {
        name: "Kuwait",
        aliases: &["State of Kuwait"],
        demonyms: &["Kuwaiti", "Kuwaitis"],
        capital: "Kuwait City",
    },
    State {
        name: "Kyrgyzstan",
        aliases: &["Kyrgyz Republic"],
        demonyms: &["Kyrgyz"],
        capital: "Bishkek",
    },
    State {
        name: "Laos",
        aliases: &["Lao People's Democratic Republic"],
        demonyms: &["Lao", "Laotian", "Laotians"],
        capital: "Vientiane",
    },
    State {
        name: "Latvia",
        aliases: &["Republic of Latvia"],
        demonyms: &["Latvian", "Latvians"],
        capital: "Riga",
    },
    State {
        name: "Lebanon",
        aliases: &["Lebanese Republic"],
        demonyms: &["Lebanese"],
        capital: "Beirut",
    },
    State {
        name: "Lesotho",
        aliases: &["Kingdom of Lesotho"],
        demonyms: &["Basotho"],
        capital: "Maseru",
    },
    State {
        name: "Liberia",
        aliases: &["Republic of Liberia"],
        demonyms: &["Liberian", "Liberians"],
        capital: "Monrovia",
    },
    State {
        name: "Libya",
        aliases: &["State of Libya"],
        demonyms: &["Libyan", "Libyans"],
        capital: "Tripoli",
    },
    State {
        name: "Liechtenstein",
        aliases: &[],
        demonyms: &["Liechtensteiner"],
        capital: "Vaduz",
    },
    State {
        name: "Lithuania",
        aliases: &["Republic of Lithuania"],
        demonyms: &["Lithuanian", "Lithuanians"],
        capital: "Vilnius",
    },
    State {
        name: "Luxembourg",
        aliases: &[],
        demonyms: &["Luxembourgish", "Luxembourger"],
        capital: "Luxembourg City",
    },
    State {
        name: "Madagascar",
        aliases: &["Republic of Madagascar"],
        demonyms: &["Malagasy"],
        capital: "Antananarivo",
    },
    State {
        name: "Malawi",
        aliases: &["Republic of Malawi"],
        demonyms: &["Malawian", "Malawians"],
        capital: "Lilongwe",
    },
    State {
        name: "Malaysia",
        aliases: &[],
        demonyms: &["Malaysian", "Malaysians"],
        capital: "Kuala Lumpur",
    },
    State {
        name: "Maldives",
        aliases: &["Republic of Maldives"],
        demonyms: &["Maldivian", "Maldivians"],
        capital: "Male",
    },
    State {
        name: "Mali",
        aliases: &["Republic of Mali"],
        demonyms: &["Malian", "Malians"],
        capital: "Bamako",
    },
    State {
        name: "Malta",
        aliases: &["Republic of Malta"],
        demonyms: &["Maltese"],
        capital: "Valletta",
    },
    State {
        name: "Marshall Islands",
        aliases: &[],
        demonyms: &["Marshallese"],
        capital: "Majuro",
    },
    State {
        name: "Mauritania",
        aliases: &["Islamic Republic of Mauritania"],
        demonyms: &["Mauritanian", "Mauritanians"],
        capital: "Nouakchott",
    },
    State {
        name: "Mauritius",
        aliases: &["Republic of Mauritius"],
        demonyms: &["Mauritian", "Mauritians"],
        capital: "Port Louis",
    },
    State {
        name: "Mexico",
        aliases: &["United Mexican States"],
        demonyms: &["Mexican", "Mexicans"],
        capital: "Mexico City",
    },
    State {
        name: "Micronesia",
        aliases: &["Federated States of Micronesia"],
        demonyms: &["Micronesian", "Micronesians"],
        capital: "Palikir",
    },
    State {
        name: "Moldova",
        aliases: &["Republic of Moldova"],
        demonyms: &["Moldovan", "Moldovans"],
        capital: "Chisinau",
    },
    State {
        name: "Monaco",
        aliases: &["Principality of Monaco"],
        demonyms: &["Monegasque"],
        capital: "Monaco City",
    },
    State {
        name: "Mongolia",
        aliases: &[],
        demonyms: &["Mongolian", "Mongolians"],
        capital: "Ulaanbaatar",
    },
    State {
        name: "Montenegro",
        aliases: &[],
        demonyms: &["Montenegrin", "Montenegrins"],
        capital: "Podgorica",
    },
    State {
        name: "Morocco",
        aliases: &["Kingdom of Morocco"],
        demonyms: &["Moroccan", "Moroccans"],
        capital: "Rabat",
    },
    State {
        name: "Mozambique",
        aliases: &["Republic of Mozambique"],
        demonyms: &["Mozambican", "Mozambicans"],
        capital: "Maputo",
    },
    State {
        name: "Myanmar",
        aliases: &["Burma"],
        demonyms: &["Burmese"],
        capital: "Naypyidaw",
    },
    State {
        name: "Namibia",
        aliases: &["Republic of Namibia"],
        demonyms: &["Namibian", "Namibians"],
        capital: "Windhoek",
    },
    State {
        name: "Nauru",
        aliases: &["Republic of Nauru"],
        demonyms: &["Nauruan"],
        capital: "Yaren",
    },
    State {
        name: "Nepal",
        aliases: &[],
        demonyms: &["Nepali", "Nepalese"],
        capital: "Kathmandu",
    },
    State {
        name: "Netherlands",
        aliases: &["The Netherlands", "Holland"],
        demonyms: &["Dutch"],
        capital: "Amsterdam",
    },
    State {
        name: "New Zealand",
        aliases: &[],
        demonyms: &["New Zealander", "New Zealanders"],
        capital: "Wellington",
    },
    State {
        name: "Nicaragua",
        aliases: &["Republic of Nicaragua"],
        demonyms: &["Nicaraguan", "Nicaraguans"],
        capital: "Managua",
    },
    State {
        name: "Niger",
        aliases: &["Republic of the Niger"],
        demonyms: &["Nigerien", "Nigeriens"],
        capital: "Niamey",
    },
    State {
        name: "Nigeria",
        aliases: &["Federal Republic of Nigeria"],
        demonyms: &["Nigerian", "Nigerians"],
        capital: "Abuja",
    },
    State {
        name: "North Macedonia",
        aliases: &["Macedonia"],
        demonyms: &["Macedonian", "Macedonians"],
        capital: "Skopje",
    },
    State {
        name: "Norway",
        aliases: &["Kingdom of Norway"],
        demonyms: &["Norwegian", "Norwegians"],
        capital: "Oslo",
    },
    State {
        name: "Oman",
        aliases: &["Sultanate of Oman"],
        demonyms: &["Omani", "Omanis"],
        capital: "Muscat",
    },
    State {
        name: "Pakistan",
        aliases: &["Islamic Republic of Pakistan"],
        demonyms: &["Pakistani", "Pakistanis"],
        capital: "Islamabad",
    },
    State {
        name: "Palau",
        aliases: &["Republic of Palau"],
        demonyms: &["Palauan"],
        capital: "Ngerulmud",
    },
    State {
        name: "Panama",
        aliases: &["Republic of Panama"],
        demonyms: &["Panamanian", "Panamanians"],
        capital: "Panama City",
    },
    State {
        name: "Papua New Guinea",
        aliases: &[],
        demonyms: &["Papua New Guinean"],
        capital: "Port Moresby",
    },
    State {
        name: "Paraguay",
        aliases: &["Republic of Paraguay"],
        demonyms: &["Paraguayan", "Paraguayans"],
        capital: "Asuncion",
    },
    State {
        name: "Peru",
        aliases: &["Republic of Peru"],
        demonyms: &["Peruvian", "Peruvians"],
        capital: "Lima",
    },
    State {
        name: "Philippines",
        aliases: &["Republic of the Philippines"],
        demonyms: &["Filipino", "Filipinos", "Philippine"],
        capital: "Manila",
    },
    State {
        name: "Poland",
        aliases: &["Republic of Poland"],
        demonyms: &["Polish", "Poles"],
        capital: "Warsaw",
    },
    State {
        name: "Portugal",
        aliases: &["Portuguese Republic"],
        demonyms: &["Portuguese"],
        capital: "Lisbon",
    },
    State {
        name: "Qatar",
        aliases: &["State of Qatar"],
        demonyms: &["Qatari", "Qataris"],
        capital: "Doha",
    },
    State {
        name: "Romania",
        aliases: &[],
        demonyms: &["Romanian", "Romanians"],
        capital: "Bucharest",
    },
    State {
        name: "Russia",
        aliases: &["Russian Federation"],
        demonyms: &["Russian", "Russians"],
        capital: "Moscow",
    },
    State {
        name: "Rwanda",
        aliases: &["Republic of Rwanda"],
        demonyms: &["Rwandan", "Rwandans"],
        capital: "Kigali",
    },
    State {
        name: "Saint Kitts and Nevis",
        aliases: &["St Kitts and Nevis"],
        demonyms: &["Kittitian"],
        capital: "Basseterre",
    },
    State {
        name: "Saint Lucia",
        aliases: &["St Lucia"],
        demonyms: &["Saint Lucian"],
        capital: "Castries",
    },
    State {
        name: "Saint Vincent and the Grenadines",
        aliases: &["St Vincent and the Grenadines"],
        demonyms: &["Vincentian"],
        capital: "Kingstown",
    },
    State {
        name: "Samoa",
        aliases: &["Independent State of Samoa"],
        demonyms: &["Samoan", "Samoans"],
        capital: "Apia",
    },
    State {
        name: "San Marino",
        aliases: &[],
        demonyms: &["Sammarinese"],
        capital: "San Marino City",
    },
    State {
        name: "Sao Tome and Principe",
        aliases: &["São Tomé and Príncipe"],
        demonyms: &["Santomean"],
        capital: "Sao Tome",
    },
    State {
        name: "Saudi Arabia",
        aliases: &["Kingdom of Saudi Arabia", "KSA"],
        demonyms: &["Saudi", "Saudis"],
        capital: "Riyadh",
    },
    State {
        name: "Senegal",
        aliases: &["Republic of Senegal"],
        demonyms: &["Senegalese"],
        capital: "Dakar",
    },
    State {
        name: "Serbia",
        aliases: &["Republic of Serbia"],
        demonyms: &["Serbian", "Serbians", "Serb", "Serbs"],
        capital: "Belgrade",
    },
    State {
        name: "Seychelles",
        aliases: &["Republic of Seychelles"],
        demonyms: &["Seychellois"],
        capital: "Victoria",
    },
    State {
        name: "Sierra Leone",
        aliases: &[],
        demonyms: &["Sierra Leonean", "Sierra Leoneans"],
        capital: "Freetown",
    },
    State {
        name: "Singapore",
        aliases: &["Republic of Singapore"],
        demonyms: &["Singaporean", "Singaporeans"],
        capital: "Singapore City",
    },
    State {
        name: "Slovakia",
        aliases: &["Slovak Republic"],
        demonyms: &["Slovak", "Slovaks"],
        capital: "Bratislava",
    },
    State {
        name: "Slovenia",
        aliases: &["Republic of Slovenia"],
        demonyms: &["Slovenian", "Slovenians", "Slovene", "Slovenes"],
        capital: "Ljubljana",
    },
    State {
        name: "Solomon Islands",
        aliases: &[],
        demonyms: &["Solomon Islander"],
        capital: "Honiara",
    },
    State {
        name: "Somalia",
        aliases: &["Federal Republic of Somalia"],
        demonyms: &["Somali", "Somalis"],
        capital: "Mogadishu",
    },
    State {
        name: "South Africa",
        aliases: &["Republic of South Africa"],
        demonyms: &["South African", "South Africans"],
        capital: "Pretoria",
    },
    State {
        name: "South Sudan",
        aliases: &["Republic of South Sudan"],
        demonyms: &["South Sudanese"],
        capital: "Juba",
    },
    State {
        name: "Spain",
        aliases: &["Kingdom of Spain"],
        demonyms: &["Spanish", "Spaniards"],
        capital: "Madrid",
    },
    State {
        name: "Sri Lanka",
        aliases: &[],
        demonyms: &["Sri Lankan", "Sri Lankans"],
        capital: "Colombo",
    },
    State {
        name: "Sudan",
        aliases: &["Republic of the Sudan"],
        demonyms: &["Sudanese"],
        capital: "Khartoum",
    },
    State {
        name: "Suriname",
        aliases: &["Republic of Suriname"],
        demonyms: &["Surinamese"],
        capital: "Paramaribo",
    },
    State {
        name: "Sweden",
        aliases: &["Kingdom of Sweden"],
        demonyms: &["Swedish", "Swedes"],
        capital: "Stockholm",
    },
    State {
        name: "Switzerland",
        aliases: &["Swiss Confederation"],
        demonyms: &["Swiss"],
        capital: "Bern",
    },
    State {
        name: "Syria",
        aliases: &["Syrian Arab Republic"],
        demonyms: &["Syrian", "Syrians"],
        capital: "Damascus",
    },
    State {
        name: "Tajikistan",
        aliases: &["Republic of Tajikistan"],
        demonyms: &["Tajik", "Tajiks"],
        capital: "Dushanbe",
    },
    State {
        name: "Tanzania",
        aliases: &["United Republic of Tanzania"],
        demonyms: &["Tanzanian", "Tanzanians"],
        capital: "Dodoma",
    },
    State {
        name: "Thailand",
        aliases: &["Kingdom of Thailand"],
        demonyms: &["Thai"],
        capital: "Bangkok",
    },
    State {
        name: "Timor-Leste",
        aliases: &["East Timor"],
        demonyms: &["Timorese"],
        capital: "Dili",
    },
    State {
        name: "Togo",
        aliases: &["Togolese Republic"],
        demonyms: &["Togolese"],
        capital: "Lome",
    },
    State {
        name: "Tonga",
        aliases: &["Kingdom of Tonga"],
        demonyms: &["Tongan", "Tongans"],
        capital: "Nuku'alofa",
    },
    State {
        name: "Trinidad and Tobago",
        aliases: &[],
        demonyms: &["Trinidadian", "Trinidadians"],
        capital: "Port of Spain",
    },
    State {
        name: "Tunisia",
        aliases: &["Tunisian Republic"],
        demonyms: &["Tunisian", "Tunisians"],
        capital: "Tunis",
    },
    State {
        name: "Turkey",
        aliases: &["Republic of Turkey", "Türkiye", "Turkiye"],
        demonyms: &["Turkish", "Turks"],
        capital: "Ankara",
    },
    State {
        name: "Turkmenistan",
        aliases: &[],
        demonyms: &["Turkmen"],
        capital: "Ashgabat",
    },
    State {
        name: "Tuvalu",
        aliases: &[],
        demonyms: &["Tuvaluan"],
        capital: "Funafuti",
    },
    State {
        name: "Uganda",
        aliases: &["Republic of Uganda"],
        demonyms: &["Ugandan", "Ugandans"],
        capital: "Kampala",
    },
    State {
        name: "Ukraine",
        aliases: &[],
        demonyms: &["Ukrainian", "Ukrainians"],
        capital: "Kiev;Kyiv",
    },
    State {
        name: "United Arab Emirates",
        aliases: &["UAE", "U.A.E.", "Emirates"],
        demonyms: &["Emirati", "Emiratis"],
        capital: "Abu Dhabi",
    },
    State {
        name: "United Kingdom",
        aliases: &["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
        demonyms: &["British", "Briton", "Britons"],
        capital: "London",
    },
    State {
        name: "United States",
        aliases: &["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
        demonyms: &["American", "Americans"],
        capital: "Washington",
    },
    State {
        name: "Uruguay",
        aliases: &["Oriental Republic of Uruguay"],
        demonyms: &["Uruguayan", "Uruguayans"],
        capital: "Montevideo",
    },
    State {
        name: "Uzbekistan",
        aliases: &["Republic of Uzbekistan"],
        demonyms: &["Uzbek", "Uzbeks"],
        capital: "Tashkent",
    },
    State {
        name: "Vanuatu",
        aliases: &["Republic of Vanuatu"],
        demonyms: &["Ni-Vanuatu"],
        capital: "Port Vila",
    },
    State {
        name: "Venezuela",
        aliases: &["Bolivarian Republic of Venezuela"],
        demonyms: &["Venezuelan", "Venezuelans"],
        capital: "Caracas",
    },
    State {
        name: "Vietnam",
        aliases: &["Socialist Republic of Vietnam", "Viet Nam"],
        demonyms: &["Vietnamese"],
        capital: "Hanoi",
    },
    State {
        name: "Yemen",
        aliases: &["Republic of Yemen"],
        demonyms: &["Yemeni", "Yemenis"],
        capital: "Sanaa",
    },
    State {
        name: "Zambia",
        aliases: &["Republic of Zambia"],
        demonyms: &["Zambian", "Zambians"],
        capital: "Lusaka",
    },
    State {
        name: "Zimbabwe",
        aliases: &["Republic of Zimbabwe"],
        demonyms: &["Zimbabwean", "Zimbabweans"],
        capital: "Harare",
    },
    State {
        name: "Palestine",
        aliases: &["State of Palestine", "Palestinian Authority"],
        demonyms: &["Palestinian", "Palestinians"],
        capital: "Ramallah",
    },
    State {
        name: "Taiwan",
        aliases: &["Republic of China", "ROC"],
        demonyms: &["Taiwanese"],
        capital: "Taipei",
    },
    State {
        name: "Kosovo",
        aliases: &["Republic of Kosovo"],
        demonyms: &["Kosovar", "Kosovars"],
        capital: "Pristina",
    },
    State {
        name: "Holy See",
        aliases: &["Vatican", "Vatican City"],
        demonyms: &["Vatican"],
        capital: "",
    },
];

/// Extra metonyms for a state's government (besides its capital).
pub static STATE_METONYMS: &[(&str, &str)] = &[
    ("Kremlin", "Russia"),
    ("Whitehall", "United Kingdom"),
    ("Downing Street", "United Kingdom"),
    ("Elysee", "France"),
    ("Élysée", "France"),
    ("Zhongnanhai", "China"),
];

/// State names that are also common personal names or words: only matched
/// when not glued to another capitalised word ("Michael Jordan").
pub static AMBIGUOUS_STATE_FORMS: &[&str] = &[
    "Jordan", "Chad", "Georgia", "Niger", "Guinea", "Dominica", "Congo", "America", "Lima",
    "Victoria", "Kingston", "Georgetown", "Santiago", "Male", "Turks", "Poles", "Thai", "Lao",
    "Swiss", "Irish", "Dutch", "Danes", "Finns", "Greek", "Greeks", "Saudi", "Saudis", "Holland",
    "Emirates", "Washington", "Victoria", "Juba", "Sofia", "Lome", "Apia", "Praia",
];

/// Kind of a well-known body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// International or national organisation.
    Org,
    /// News agency or outlet.
    Media,
    /// Armed or militant group.
    Group,
}

/// A well-known organisation, outlet or armed group: canonical name and other names.
pub struct Body {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub kind: BodyKind,
}

macro_rules! body {
    ($name:expr, [$($a:expr),*], $k:ident) => {
        Body { name: $name, aliases: &[$($a),*], kind: BodyKind::$k }
    };
}

/// International bodies, major agencies and outlets, well-known armed groups.
pub static BODIES: &[Body] = &[
    body!("United Nations", ["UN", "U.N.", "the United Nations"], Org),
    body!("UN Security Council", ["United Nations Security Council", "U.N. Security Council", "UNSC", "Security Council"], Org),
    body!("UN General Assembly", ["United Nations General Assembly", "U.N. General Assembly", "UNGA", "General Assembly"], Org),
    body!("UN Human Rights Council", ["United Nations Human Rights Council", "U.N. Human Rights Council", "UNHRC", "Human Rights Council"], Org),
    body!("UNICEF", ["United Nations Children's Fund", "U.N. Children's Fund"], Org),
    body!("UNHCR", ["United Nations High Commissioner for Refugees", "UN refugee agency", "U.N. refugee agency"], Org),
    body!("World Food Programme", ["WFP", "World Food Program"], Org),
    body!("World Health Organization", ["WHO", "World Health Organisation"], Org),
    body!("OCHA", ["UN Office for the Coordination of Humanitarian Affairs", "Office for the Coordination of Humanitarian Affairs"], Org),
    body!("International Monetary Fund", ["IMF"], Org),
    body!("World Bank", [], Org),
    body!("World Trade Organization", ["WTO", "World Trade Organisation"], Org),
    body!("NATO", ["Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"], Org),
    body!("European Union", ["EU", "E.U."], Org),
    body!("European Commission", [], Org),
    body!("European Parliament", [], Org),
    body!("European Central Bank", ["ECB"], Org),
    body!("African Union", ["AU"], Org),
    body!("Arab League", ["League of Arab States"], Org),
    body!("ASEAN", ["Association of Southeast Asian Nations"], Org),
    body!("OPEC", ["Organization of the Petroleum Exporting Countries"], Org),
    body!("OSCE", ["Organization for Security and Co-operation in Europe"], Org),
    body!("Organisation of Islamic Cooperation", ["OIC", "Organization of Islamic Cooperation"], Org),
    body!("Gulf Cooperation Council", ["GCC"], Org),
    body!("International Criminal Court", ["ICC"], Org),
    body!("International Court of Justice", ["ICJ"], Org),
    body!("International Atomic Energy Agency", ["IAEA"], Org),
    body!("OPCW", ["Organisation for the Prohibition of Chemical Weapons", "Organization for the Prohibition of Chemical Weapons"], Org),
    body!("International Committee of the Red Cross", ["ICRC", "Red Cross"], Org),
    body!("International Federation of Red Cross and Red Crescent Societies", ["IFRC"], Org),
    body!("Red Crescent", [], Org),
    body!("Doctors Without Borders", ["MSF", "Medecins Sans Frontieres", "Médecins Sans Frontières"], Org),
    body!("Amnesty International", ["Amnesty"], Org),
    body!("Human Rights Watch", ["HRW"], Org),
    body!("Interpol", [], Org),
    body!("White House", [], Org),
    body!("Pentagon", [], Org),
    body!("FBI", ["Federal Bureau of Investigation"], Org),
    body!("CIA", ["Central Intelligence Agency"], Org),
    body!("G7", ["Group of Seven"], Org),
    body!("G20", ["Group of 20", "Group of Twenty"], Org),
    body!("Islamic State", ["ISIS", "ISIL", "Daesh", "Islamic State of Iraq and the Levant", "Islamic State group"], Group),
    body!("al-Qaeda", ["al Qaeda", "al-Qaida", "Al Qaeda", "Al-Qaeda"], Group),
    body!("Taliban", [], Group),
    body!("Hezbollah", ["Hizbollah", "Hizbullah"], Group),
    body!("Hamas", [], Group),
    body!("Boko Haram", [], Group),
    body!("al-Shabab", ["al-Shabaab", "Al-Shabaab"], Group),
    body!("Reuters", ["Thomson Reuters"], Media),
    body!("Associated Press", ["AP", "the Associated Press"], Media),
    body!("AFP", ["Agence France-Presse", "Agence France Presse"], Media),
    body!("Anadolu Agency", ["Anadolu", "Anadolu news agency"], Media),
    body!("Xinhua", ["Xinhua News Agency", "Xinhua news agency"], Media),
    body!("BBC", ["BBC News", "British Broadcasting Corporation"], Media),
    body!("CNN", ["Cable News Network"], Media),
    body!("CNN Turk", ["CNNTurk", "CNN Türk", "CNNTürk"], Media),
    body!("CNNMoney", ["CNN Money"], Media),
    body!("NTV", [], Media),
    body!("TRT", ["Turkish Radio and Television"], Media),
    body!("TASS", ["ITAR-TASS"], Media),
    body!("Interfax", [], Media),
    body!("RIA Novosti", ["RIA"], Media),
    body!("Sputnik", [], Media),
    body!("RT", ["Russia Today"], Media),
    body!("Al Jazeera", ["Al-Jazeera", "Aljazeera"], Media),
    body!("Al Arabiya", ["Al-Arabiya"], Media),
    body!("SANA", ["Syrian Arab News Agency"], Media),
    body!("IRNA", ["Islamic Republic News Agency"], Media),
    body!("Yonhap", ["Yonhap News Agency"], Media),
    body!("Kyodo", ["Kyodo News"], Media),
    body!("DPA", ["Deutsche Presse-Agentur"], Media),
    body!("EFE", [], Media),
    body!("ANSA", [], Media),
    body!("Bloomberg", ["Bloomberg News"], Media),
    body!("New York Times", ["The New York Times", "NYT"], Media),
    body!("Washington Post", ["The Washington Post"], Media),
    body!("Wall Street Journal", ["The Wall Street Journal", "WSJ"], Media),
    body!("Financial Times", ["FT"], Media),
    body!("The Guardian", ["Guardian"], Media),
    body!("Fox News", [], Media),
    body!("MSNBC", [], Media),
    body!("NBC News", ["NBC"], Media),
    body!("ABC News", ["ABC"], Media),
    body!("CBS News", ["CBS"], Media),
    body!("CNBC", [], Media),
    body!("NPR", ["National Public Radio"], Media),
    body!("Sky News", [], Media),
    body!("Euronews", [], Media),
    body!("Deutsche Welle", ["DW"], Media),
    body!("France 24", [], Media),
    body!("TechCrunch", [], Media),
    body!("Hurriyet", ["Hürriyet"], Media),
    body!("Daily Sabah", [], Media),
];

/// Titles, ranks and roles that can stand before a person's name (lower case;
/// matched case-insensitively, longest first).
pub static TITLES: &[&str] = &[
    "president", "vice president", "vice-president", "president-elect", "prime minister", "premier",
    "deputy prime minister", "chancellor", "foreign minister", "defense minister", "defence minister",
    "interior minister", "finance minister", "economy minister", "justice minister", "health minister",
    "energy minister", "minister", "deputy minister", "secretary of state", "secretary-general",
    "secretary general", "under-secretary-general", "attorney general", "attorney-general",
    "defense secretary", "defence secretary", "foreign secretary", "home secretary", "press secretary",
    "secretary", "ambassador", "envoy", "special envoy", "mediator", "spokesman", "spokeswoman",
    "spokesperson", "director", "director-general", "director general", "regional director",
    "executive director", "head", "chief", "chief executive", "chief of staff", "chief of general staff",
    "general", "lieutenant general", "major general", "brigadier general", "gen", "gen.", "lt. gen.",
    "colonel", "col.", "col", "captain", "capt.", "major", "lieutenant", "sergeant", "admiral", "adm.",
    "commander", "senator", "sen.", "sen", "representative", "rep.", "congressman", "congresswoman",
    "governor", "gov.", "mayor", "king", "queen", "prince", "princess", "crown prince", "sheikh", "emir",
    "sultan", "pope", "leader", "opposition leader", "judge", "justice", "chief justice", "ceo",
    "chairman", "chairwoman", "chair", "founder", "co-founder", "deputy", "official", "counterpart",
    "negotiator", "chief negotiator", "moderator", "gunman", "suspect", "activist", "analyst",
    "professor", "prof.", "doctor", "dr.", "teacher", "journalist", "reporter", "correspondent",
    "lawyer", "attorney", "officer", "police chief", "cleric", "ayatollah", "imam", "rabbi", "bishop",
    "cardinal", "archbishop", "monitor", "commissioner", "high commissioner", "coordinator",
    "coordinator", "adviser", "advisor", "aide", "candidate", "nominee", "running mate",
    "diplomat", "economist", "researcher", "scientist", "student", "resident", "witness", "doctor",
    "surgeon", "nurse", "pilot", "soldier", "fighter", "commentator", "host", "anchor", "editor",
    "president and ceo", "mp", "lawmaker", "legislator", "speaker", "dictator", "strongman",
];

/// Honorifics before a name: always a person.
pub static HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mme", "m",
];

/// Speech and report verbs (base and inflected forms).
pub static SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated", "states",
    "declared", "declares", "announced", "announces", "warned", "warns", "reported", "reports",
    "claimed", "claims", "noted", "notes", "explained", "explains", "insisted", "insists",
    "argued", "argues", "wrote", "writes", "asked", "asks", "replied", "replies", "responded",
    "responds", "confirmed", "confirms", "denied", "denies", "accused", "accuses", "urged", "urges",
    "described", "describes", "called", "calls", "tweeted", "tweets", "posted", "quoted", "quotes",
    "learned", "learnt", "revealed", "reveals", "estimated", "estimates", "acknowledged",
    "admitted", "admits", "vowed", "vows", "pledged", "pledges", "stressed", "stresses",
    "emphasised", "emphasized", "suggested", "suggests", "cited", "cites", "disclosed",
    "announcing", "commented", "comments", "countered", "conceded", "concedes", "predicted",
    "predicts", "believes", "believed", "thinks", "demanded", "demands", "threatened",
    "threatens", "condemned", "condemns", "criticised", "criticized", "blamed", "blames",
    "welcomed", "welcomes", "rejected", "rejects", "praised", "praises", "agreed", "agrees",
    "hit back", "spoke", "speaks",
];

/// Verbs of reporting that make their subject a cited source.
pub static REPORT_VERBS: &[&str] = &[
    "said", "says", "reported", "reports", "stated", "states", "announced", "announces", "warned",
    "warns", "noted", "notes", "confirmed", "confirms", "learned", "learnt", "quoted", "quotes",
    "described", "describes", "estimated", "estimates", "revealed", "reveals", "cited", "cites",
    "wrote", "writes", "tweeted", "tweets", "added", "adds", "claimed", "claims", "disclosed",
    "documented", "recorded", "counted", "told", "tells", "published", "publishes", "accused",
    "accuses", "denied", "denies", "explained", "explains", "insisted", "insists",
];

/// Last words that make a capitalised name an organisation.
pub static ORG_HEADS: &[&str] = &[
    "Ministry", "Department", "Council", "Committee", "Observatory", "Agency", "Office", "Bureau",
    "Service", "Services", "Commission", "Court", "Bank", "Fund", "Company", "Co", "Corp",
    "Corporation", "Inc", "Ltd", "LLC", "PLC", "Plc", "GmbH", "AG", "SA", "Group", "Union",
    "Association", "Institute", "Institution", "Foundation", "Organization", "Organisation",
    "Society", "Societies", "League", "Federation", "Alliance", "Coalition", "Movement", "Party",
    "Parliament", "Assembly", "Senate", "Congress", "Cabinet", "Administration", "Authority",
    "Authorities", "Directorate", "Command", "Network", "Networks", "News", "Times", "Post",
    "Journal", "Herald", "Gazette", "Tribune", "Television", "TV", "Radio", "Press", "Media",
    "Electronics", "Motors", "Airlines", "Airways", "Holdings", "Industries", "Technologies",
    "Systems", "Pharmaceuticals", "Communications", "Energy", "Petroleum", "Oil", "Telecom",
    "Police", "Guard", "Guards", "Crescent", "Cross", "Helmets", "Defence", "Defense",
    "Board", "Secretariat", "Mission", "Center", "Centre", "Program", "Programme", "Initiative",
    "Campaign", "Trust", "Club", "Team", "Ministries", "Unit", "Council", "Tribunal", "Club",
    "Forces", "Force", "Army", "Navy", "Corps", "Front", "Brigade", "Brigades", "Battalion",
    "Battalions", "Militia", "Militias", "Regiment", "Division", "Legion", "Faction",
];

/// Head words that make an organisation an armed group (unless a state's own forces).
pub static GROUP_HEADS: &[&str] = &[
    "Front", "Brigade", "Brigades", "Battalion", "Battalions", "Militia", "Militias", "Legion",
    "Faction", "Forces", "Army", "Movement", "Guards", "Regiment",
];

/// Lower-case nouns after a name that mark an armed group ("Farc guerrillas").
pub static GROUP_NOUNS: &[&str] = &[
    "rebels", "rebel", "guerrillas", "guerrilla", "militants", "militant", "fighters", "fighter",
    "militia", "militias", "militiamen", "insurgents", "insurgent", "jihadists", "jihadist",
    "factions", "faction", "gunmen", "paramilitaries", "separatists",
];

/// Lower-case nouns after a name that mark a news outlet ("NTV television").
pub static MEDIA_NOUNS: &[&str] = &[
    "television", "tv", "news agency", "agency", "newspaper", "daily", "radio", "channel",
    "broadcaster", "website", "news", "magazine", "network", "wire service",
];

/// Lower-case nouns after a name that mark an organisation or company.
pub static ORG_NOUNS: &[&str] = &[
    "company", "firm", "group", "organization", "organisation", "agency", "ministry",
    "spokesman", "spokeswoman", "spokesperson", "officials", "official", "statement", "party",
    "corporation", "bank", "institute", "charity", "monitor", "monitoring",
];

/// Last words that make a capitalised name a place.
pub static PLACE_HEADS: &[&str] = &[
    "Park", "Road", "Street", "St", "Avenue", "Ave", "Boulevard", "Square", "Bridge", "Airport",
    "Mountains", "Mountain", "Mount", "Mt", "River", "Lake", "Sea", "Ocean", "Gulf", "Bay",
    "Strait", "Straits", "Island", "Islands", "Valley", "Desert", "Province", "Region", "District",
    "County", "City", "Town", "Village", "Peninsula", "Coast", "Canal", "Highway", "Hospital",
    "University", "College", "School", "Stadium", "Hall", "Palace", "Tower", "Towers", "Plaza",
    "Harbor", "Harbour", "Port", "Station", "Camp", "Base", "Governorate", "Oblast", "Heights",
    "Hills", "Hill", "Beach", "Forest", "Falls", "Border", "Crossing", "Centre", "Center",
    "Mosque", "Church", "Cathedral", "Museum", "Prison", "Market", "Mall", "Quarter",
];

/// Capitalised words that are never (part of) an actor's name on their own.
pub static NON_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "His", "Her",
    "They", "Their", "We", "Our", "You", "Your", "I", "My", "Me", "Us", "Them", "Who", "What",
    "When", "Where", "Why", "How", "Which", "There", "Here", "In", "On", "At", "By", "For",
    "From", "With", "Without", "Of", "To", "And", "But", "Or", "Nor", "So", "Yet", "If", "As",
    "After", "Before", "During", "Since", "Until", "While", "Although", "Though", "Because",
    "However", "Meanwhile", "Also", "Still", "Then", "Now", "Today", "Tonight", "Yesterday",
    "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Advertisement", "Advertisements", "Sponsored", "Related",
    "Read", "More", "Share", "Click", "Watch", "Video", "Photo", "Photos", "Image", "Getty",
    "Images", "Copyright", "Source", "Sources", "Update", "Updated", "Breaking", "News", "Live",
    "Comments", "Comment", "Subscribe", "Follow", "Like", "Tweet", "Email", "Print", "Next",
    "Previous", "Home", "Top", "Latest", "Most", "Many", "Some", "Several", "All", "Both",
    "Each", "Every", "No", "Not", "Only", "Just", "Even", "Yes", "OK", "Mr", "Mrs", "Ms", "Dr",
    "Later", "Earlier", "Once", "Thus", "Instead", "Indeed", "Last", "First", "Second", "Third",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Hundreds",
    "Thousands", "Millions", "Dozens", "Among", "Amid", "Under", "Over", "Between", "Against",
    "Despite", "According", "Around", "About", "Across", "Along", "Into", "Through", "Up",
    "Down", "Out", "Off", "Near", "Inside", "Outside", "Within", "Like", "Unlike", "Other",
    "Another", "Such", "Much", "Few", "Fewer", "Less", "Least", "Best", "Worst", "New", "Old",
    "Its", "Let", "Please", "Thank", "Thanks", "Well", "Oh", "Mon", "Tue", "Wed", "Thu", "Fri",
    "Sat", "Sun", "AM", "PM", "GMT", "UTC", "EST", "EDT", "BST", "CET", "Was", "Were", "Is",
    "Are", "Be", "Been", "Has", "Have", "Had", "Do", "Does", "Did", "Will", "Would", "Can",
    "Could", "Should", "Must", "May", "Might", "Shall", "Where", "Whatever", "Whoever",
    "Everyone", "Everybody", "Nobody", "Anyone", "Someone", "Something", "Nothing", "Everything",
    "Christmas", "Easter", "Ramadan", "Eid", "Internet", "Web", "Online", "Pictured", "File",
    "Editor", "Note", "Editing", "Reporting", "Writing", "Additional", "Bad", "Good", "Great",
    "Big", "Small", "Full", "Half", "Part", "Per", "Via", "Re", "Fwd", "Ad", "Ads", "Meantime",
    "Meanwhile", "Nevertheless", "Moreover", "Furthermore", "Overall", "Finally", "Initially",
];

/// Capitalised adjectives (ideologies, religions, regions) that qualify a name
/// without being part of it ("Marxist Farc guerrillas").
pub static QUALIFIERS: &[&str] = &[
    "Marxist", "Leninist", "Maoist", "Islamist", "Jihadist", "Salafist", "Communist", "Socialist",
    "Conservative", "Liberal", "Nationalist", "Sunni", "Shia", "Shiite", "Shi'ite", "Alawite",
    "Christian", "Muslim", "Islamic", "Jewish", "Catholic", "Protestant", "Orthodox", "Hindu",
    "Buddhist", "Arab", "Kurdish", "European", "Western", "Eastern", "Northern", "Southern",
    "Latin", "African", "Asian", "Middle", "Former", "Acting", "Interim", "Deputy", "Senior",
    "Top", "Veteran", "Embattled", "Pro", "Anti",
];

/// Lower-case particles inside personal and place names.
pub static NAME_PARTICLES: &[&str] = &[
    "al", "el", "al-", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "van", "von",
    "der", "den", "bin", "ibn", "bint", "le", "la", "ul", "ud", "abu", "ben", "y", "zu", "ter",
];

/// Nouns after a state form that make it the state acting ("Syrian government").
pub static STATE_GOV_NOUNS: &[&str] = &[
    "government", "regime", "authorities", "administration", "officials", "leadership",
    "cabinet", "state", "side", "delegation", "diplomats",
];

/// Nouns after a state form that denote its forces ("Russian bombing", "Syrian army").
pub static STATE_FORCE_NOUNS: &[&str] = &[
    "military", "army", "forces", "troops", "soldiers", "jets", "warplanes", "aircraft",
    "planes", "bombing", "bombings", "bombers", "airstrike", "airstrikes", "air strikes",
    "strikes", "strike", "navy", "air force", "police", "gendarmerie", "security forces",
    "artillery", "tanks", "helicopters", "drones", "missiles", "offensive", "campaign",
    "ally", "allies", "intelligence", "coalition", "operation", "operations", "attack", "attacks",
    "shelling", "fire", "warships", "special forces",
];

/// Prepositions after which a name only locates something.
pub static LOCATIVE_PREPS: &[&str] = &[
    "in", "near", "at", "from", "across", "outside", "inside", "around", "into", "throughout",
    "towards", "toward", "via", "over", "above", "below", "beyond", "within", "to", "through",
    "between", "of", "off", "onto", "under",
];

fn ci_set(items: &'static [&'static str]) -> HashSet<String> {
    items.iter().map(|s| s.to_lowercase()).collect()
}

static TITLE_SET: Lazy<HashSet<String>> = Lazy::new(|| ci_set(TITLES));
static SPEECH_SET: Lazy<HashSet<String>> = Lazy::new(|| ci_set(SPEECH_VERBS));
static REPORT_SET: Lazy<HashSet<String>> = Lazy::new(|| ci_set(REPORT_VERBS));
static ORG_HEAD_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| ORG_HEADS.iter().copied().collect());
static GROUP_HEAD_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| GROUP_HEADS.iter().copied().collect());
static PLACE_HEAD_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| PLACE_HEADS.iter().copied().collect());
static NON_NAME_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| NON_NAMES.iter().copied().collect());
static QUALIFIER_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| QUALIFIERS.iter().copied().collect());
static PARTICLE_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| NAME_PARTICLES.iter().copied().collect());

/// Is `w` (any case) a title or role word/phrase?
pub fn is_title(w: &str) -> bool {
    TITLE_SET.contains(&w.to_lowercase())
}
/// Is `w` a speech verb?
pub fn is_speech_verb(w: &str) -> bool {
    SPEECH_SET.contains(&w.to_lowercase())
}
/// Is `w` a reporting verb?
pub fn is_report_verb(w: &str) -> bool {
    REPORT_SET.contains(&w.to_lowercase())
}
/// Is `w` an organisation head word ("Ministry")?
pub fn is_org_head(w: &str) -> bool {
    ORG_HEAD_SET.contains(w.trim_end_matches('.'))
}
/// Is `w` an armed-group head word ("Front")?
pub fn is_group_head(w: &str) -> bool {
    GROUP_HEAD_SET.contains(w)
}
/// Is `w` a place head word ("Road")?
pub fn is_place_head(w: &str) -> bool {
    PLACE_HEAD_SET.contains(w.trim_end_matches('.'))
}
/// Is `w` a capitalised word that is never a name on its own?
pub fn is_non_name(w: &str) -> bool {
    NON_NAME_SET.contains(w)
}
/// Is `w` a capitalised qualifier ("Marxist")?
pub fn is_qualifier(w: &str) -> bool {
    QUALIFIER_SET.contains(w)
}
/// Is `w` a name particle ("al", "de")?
pub fn is_particle(w: &str) -> bool {
    PARTICLE_SET.contains(w.to_lowercase().as_str())
}
/// Is `w` an honorific ("Mr")?
pub fn is_honorific(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    l != "m" && HONORIFICS.contains(&l.as_str())
}
/// Longest number of words in a title phrase.
pub fn max_title_words() -> usize {
    TITLES.iter().map(|t| t.split_whitespace().count()).max().unwrap_or(1)
}

/// Which state (index into [`STATES`]) a normalised key names, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateForm {
    Name,
    Demonym,
    /// Plural demonym ("Russians")
    People,
    Capital,
}

/// Normalised key (see `crate::text::norm_key`) → (state index, form).
pub static STATE_FORMS: Lazy<HashMap<String, (usize, StateForm)>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for (i, st) in STATES.iter().enumerate() {
        let k = crate::text::norm_key(st.name);
        m.entry(k).or_insert((i, StateForm::Name));
        for a in st.aliases {
            m.entry(crate::text::norm_key(a)).or_insert((i, StateForm::Name));
        }
    }
    for (i, st) in STATES.iter().enumerate() {
        for d in st.demonyms {
            let form = if d.ends_with('s') && !d.ends_with("ss") && st.demonyms.len() > 1 && !d.ends_with("ese") {
                StateForm::People
            } else {
                StateForm::Demonym
            };
            m.entry(crate::text::norm_key(d)).or_insert((i, form));
        }
    }
    for (i, st) in STATES.iter().enumerate() {
        if !st.capital.is_empty() {
            m.entry(crate::text::norm_key(st.capital)).or_insert((i, StateForm::Capital));
        }
    }
    for (name, st) in STATE_METONYMS {
        if let Some(i) = STATES.iter().position(|s| s.name == *name || s.name == *st) {
            m.entry(crate::text::norm_key(name)).or_insert((i, StateForm::Capital));
        }
    }
    m
});

/// Normalised key → index into [`BODIES`].
pub static BODY_FORMS: Lazy<HashMap<String, usize>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for (i, b) in BODIES.iter().enumerate() {
        m.entry(crate::text::norm_key(b.name)).or_insert(i);
        for a in b.aliases {
            let k = crate::text::norm_key(a);
            let k = k.strip_prefix("the ").map(str::to_string).unwrap_or(k);
            m.entry(k).or_insert(i);
        }
    }
    m
});

/// Is this a state form that needs care ("Jordan", "Chad")?
pub fn is_ambiguous_state_form(surface: &str) -> bool {
    AMBIGUOUS_STATE_FORMS.contains(&surface)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_lookups() {
        assert_eq!(STATE_FORMS.get("moscow").map(|x| STATES[x.0].name), Some("Russia"));
        assert_eq!(STATE_FORMS.get("us").map(|x| STATES[x.0].name), Some("United States"));
        assert_eq!(STATE_FORMS.get("russians").map(|x| x.1), Some(StateForm::People));
        assert_eq!(STATE_FORMS.get("syrian").map(|x| x.1), Some(StateForm::Demonym));
        assert_eq!(BODY_FORMS.get("un").map(|&i| BODIES[i].name), Some("United Nations"));
        assert_eq!(BODY_FORMS.get("icrc").map(|&i| BODIES[i].name), Some("International Committee of the Red Cross"));
        assert!(STATES.len() >= 193);
        assert!(is_title("Foreign Minister") && is_speech_verb("Told") && is_org_head("Ministry"));
    }
}
