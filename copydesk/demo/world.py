"""The fictional news world of the demo corpus: outlets and the events they report.

A fact value that is a dict is given per language; everything else is the same in every language.
Persons are fictional; places and public institutions are real, the events are not.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    """A news site: its registered domain, the host its URLs use and its house style."""

    domain: str
    host: str
    name: str
    language: str
    utc_offset_minutes: int
    url_pattern: str
    layout: int
    authors: tuple[str, ...]
    nations: tuple[str, ...]
    group: str | None = None


OUTLETS: tuple[Outlet, ...] = (
    Outlet("northbridge-times.com", "www.northbridge-times.com", "The Northbridge Times", "en", -300,
           "/{yyyy}/{mm}/{dd}/{section}/{slug}.html", 0,
           ("Rachel Okonkwo", "Daniel Whitcombe", "Priya Natarajan"), ("us", "ca")),
    Outlet("lakeshore-tribune.com", "www.lakeshore-tribune.com", "Lakeshore Tribune", "en", -360,
           "/news/{section}/{slug}-{id}", 1, ("Tom Kowalczyk", "Angela Ruiz", "Marcus Bell"), ("us", "ca"),
           "Meridian Media Group"),
    Outlet("pacificcoastherald.com", "www.pacificcoastherald.com", "Pacific Coast Herald", "en", -480,
           "/news/{section}/{slug}-{id}", 1, ("Lena Hoffman", "Kevin Tran", "Grace Alvarado"), ("us",),
           "Meridian Media Group"),
    Outlet("morningledger.co.uk", "www.morningledger.co.uk", "The Morning Ledger", "en", 0,
           "/{section}/{yyyy}/{mon}/{dd}/{slug}", 2, ("Harriet Blake", "Owen Pritchard", "Sunita Rao"), ("gb",)),
    Outlet("westcountry-courier.co.uk", "westcountry-courier.co.uk", "Westcountry Courier", "en", 0,
           "/news/{slug}-{id}", 0, ("Jack Penrose", "Emily Tregarthen"), ("gb",)),
    Outlet("dublin-observer.ie", "www.dublin-observer.ie", "The Dublin Observer", "en", 0,
           "/{section}/{slug}-{id}.html", 2, ("Ciarán Moloney", "Aoife Brennan", "Sean Gallagher"), ("ie",)),
    Outlet("sydneydailypress.com.au", "news.sydneydailypress.com.au", "Sydney Daily Press", "en", 660,
           "/{section}/{slug}/news-story/{id}", 1, ("Mia Thornton", "Lachlan Price"), ("au", "nz")),
    Outlet("berliner-abendpost.de", "www.berliner-abendpost.de", "Berliner Abendpost", "de", 60,
           "/{section}/article{id}/{slug}.html", 0, ("Jana Wittkowski", "Felix Brandauer", "Miriam Schadt"), ("de",)),
    Outlet("elbtal-anzeiger.de", "www.elbtal-anzeiger.de", "Elbtal-Anzeiger", "de", 60,
           "/{section}/{slug}-{id}.html", 2, ("Uwe Reinholz", "Katrin Pohle"), ("de",)),
    Outlet("wiener-morgenblatt.at", "www.wiener-morgenblatt.at", "Wiener Morgenblatt", "de", 60,
           "/{section}/{id}/{slug}", 1, ("Stefan Gruber", "Theresa Pichler"), ("at",)),
    Outlet("zuercher-tagesbote.ch", "www.zuercher-tagesbote.ch", "Zürcher Tagesbote", "de", 60,
           "/{section}/{slug}-{id}", 0, ("Reto Baumann", "Corinne Meier"), ("ch",)),
    Outlet("lepetitjournal-fr.fr", "www.lepetitjournal-fr.fr", "Le Petit Journal", "fr", 60,
           "/{section}/{yyyy}/{mm}/{dd}/{slug}_{id}.html", 2, ("Camille Morel", "Antoine Lefebvre", "Nadia Benali"),
           ("fr",)),
    Outlet("courrier-du-rhone.fr", "www.courrier-du-rhone.fr", "Le Courrier du Rhône", "fr", 60,
           "/{section}/{slug}-{id}", 0, ("Julien Perrin", "Sophie Vial"), ("fr", "ch")),
    Outlet("lequotidien-liege.be", "www.lequotidien-liege.be", "Le Quotidien de Liège", "fr", 60,
           "/{section}/{id}/{slug}", 1, ("Marc Delvaux", "Isabelle Lambotte"), ("be",)),
    Outlet("ouest-matin.fr", "www.ouest-matin.fr", "Ouest Matin", "fr", 60,
           "/{section}/{slug}-{id}.html", 0, ("Yann Le Goff", "Gaëlle Kerbrat"), ("fr",)),
    Outlet("diario-del-sur.es", "www.diario-del-sur.es", "Diario del Sur", "es", 60,
           "/{section}/{yyyy}/{mm}/{dd}/{slug}.html", 2, ("Lucía Moreno", "Javier Ortega", "Ana Belén Ruiz"), ("es",)),
    Outlet("cronica-de-levante.es", "www.cronica-de-levante.es", "Crónica de Levante", "es", 60,
           "/{section}/{slug}-{id}.html", 0, ("Vicent Ferrer Sanchis", "Marta Climent"), ("es",)),
    Outlet("lavozdellitoral.com.ar", "www.lavozdellitoral.com.ar", "La Voz del Litoral", "es", -180,
           "/{section}/{slug}-n{id}", 1, ("Martín Gauna", "Florencia Ibarra"), ("ar", "cl", "uy")),
    Outlet("elheraldoandino.com.pe", "elheraldoandino.com.pe", "El Heraldo Andino", "es", -300,
           "/{section}/{yyyy}/{mm}/{dd}/{slug}", 1, ("Carlos Huamán", "Milagros Paredes"), ("pe", "mx")),
)

SECTIONS: dict[str, dict[str, str]] = {
    "en": {"quake": "world", "strike": "business", "rates": "business", "transfer": "sport", "election": "politics",
           "fire": "news", "storm": "weather", "jobcuts": "business", "recall": "business", "verdict": "news",
           "theft": "news", "protest": "news", "launch": "science", "derailment": "world", "summit": "environment",
           "cyber": "technology"},
    "de": {"quake": "panorama", "strike": "wirtschaft", "rates": "finanzen", "transfer": "sport", "election": "politik",
           "fire": "panorama", "storm": "panorama", "jobcuts": "wirtschaft", "recall": "wirtschaft",
           "verdict": "panorama", "theft": "panorama", "protest": "politik", "launch": "wissen",
           "derailment": "panorama", "summit": "politik", "cyber": "digital"},
    "fr": {"quake": "monde", "strike": "economie", "transfer": "sport", "election": "politique", "fire": "faits-divers",
           "storm": "meteo", "jobcuts": "economie", "recall": "consommation", "theft": "faits-divers",
           "protest": "societe", "launch": "sciences", "summit": "planete"},
    "es": {"quake": "internacional", "strike": "economia", "transfer": "deportes", "fire": "sucesos",
           "storm": "sociedad", "verdict": "tribunales", "protest": "sociedad", "launch": "ciencia",
           "summit": "medio-ambiente"},
}

EVENTS: dict[str, dict] = {
    "quake-calabria": {
        "kind": "quake", "when": "2026-03-03T04:12:00+01:00", "coverage": {"en": 3, "de": 2, "fr": 1, "es": 2},
        "facts": {
            "mag": 6.1, "town": "Cosenza", "depth": 10, "dead": 4, "injured": 63, "displaced": 1200,
            "aftershocks": 37, "max_aftershock": 4.4, "official": "Marco Lentini", "witness": "Giulia Ferraro",
            "witness_age": 58,
            "region": {"en": "Calabria", "de": "Kalabrien", "fr": "la Calabre", "es": "Calabria"},
            "in_region": {"en": "in Calabria", "de": "in Kalabrien", "fr": "en Calabre", "es": "en Calabria"},
            "in_country": {"en": "in southern Italy", "de": "in Süditalien", "fr": "dans le sud de l'Italie",
                           "es": "en el sur de Italia"},
        },
    },
    "quake-arequipa": {
        "kind": "quake", "when": "2026-03-05T14:47:00-05:00", "coverage": {"en": 2, "de": 1, "es": 2},
        "facts": {
            "mag": 5.8, "town": "Chivay", "depth": 35, "dead": 2, "injured": 28, "displaced": 340,
            "aftershocks": 12, "max_aftershock": 4.1, "official": "Rosa Quispe Mamani", "official_last": "Quispe",
            "witness": "Julio Condori", "witness_age": 44,
            "region": {"en": "the Arequipa region", "de": "die Region Arequipa", "es": "la región de Arequipa"},
            "in_region": {"en": "in the Arequipa region", "de": "in der Region Arequipa",
                          "es": "en la región de Arequipa"},
            "in_country": {"en": "in southern Peru", "de": "im Süden Perus", "es": "en el sur de Perú"},
        },
    },
    "strike-antwerp": {
        "kind": "strike", "when": "2026-03-02T06:00:00+01:00", "coverage": {"en": 2, "de": 2, "fr": 3},
        "facts": {
            "workers_n": 9000, "union": "Havenbond", "employer": "Portwerk", "leader": "Wim Verhaegen",
            "demand": 6.5, "offer": 3.2,
            "workers": {"en": "dockworkers", "de": "Hafenarbeiter", "fr": "dockers"},
            "site": {"en": "the port of Antwerp-Bruges", "de": "der Hafen Antwerpen-Brügge",
                     "fr": "le port d'Anvers-Bruges"},
            "at_site": {"en": "at the port of Antwerp-Bruges", "de": "im Hafen Antwerpen-Brügge",
                        "fr": "au port d'Anvers-Bruges"},
            "duration": {"en": "48 hours", "de": "48 Stunden", "fr": "48 heures"},
            "impact": {
                "en": "More than 140 ships were waiting at anchor off the coast, and the container terminals stood idle.",
                "de": "Mehr als 140 Schiffe lagen vor der Küste auf Reede, die Containerterminals standen still.",
                "fr": "Plus de 140 navires attendaient au large et les terminaux à conteneurs étaient à l'arrêt.",
            },
        },
    },
    "strike-felixstowe": {
        "kind": "strike", "when": "2026-03-04T06:00:00+00:00", "coverage": {"en": 3, "de": 1},
        "facts": {
            "workers_n": 1900, "union": "DWU", "employer": "Eastport Terminals", "leader": "Sharon Whitlock",
            "demand": 9.0, "offer": 5.5,
            "workers": {"en": "dockworkers", "de": "Hafenarbeiter"},
            "site": {"en": "the port of Felixstowe", "de": "der Hafen Felixstowe"},
            "at_site": {"en": "at the port of Felixstowe", "de": "im Hafen Felixstowe"},
            "duration": {"en": "eight days", "de": "acht Tage"},
            "impact": {
                "en": "Felixstowe handles close to 40 percent of Britain's container traffic, and shipping lines began diverting vessels to Rotterdam.",
                "de": "Über Felixstowe läuft fast 40 Prozent des britischen Containerverkehrs, Reedereien begannen, Schiffe nach Rotterdam umzuleiten.",
            },
        },
    },
    "strike-rail-germany": {
        "kind": "strike", "when": "2026-03-05T02:00:00+01:00", "coverage": {"en": 2, "de": 2, "fr": 1},
        "wire": "dpa-strike-rail-germany",
        "facts": {
            "workers_n": 35000, "union": "GSV", "leader": "Klaus Brenner", "demand": 8.0, "offer": 4.5,
            "employer": {"en": "Deutsche Bahn", "de": "die Deutsche Bahn", "fr": "la Deutsche Bahn"},
            "workers": {"en": "train drivers", "de": "Lokführer", "fr": "conducteurs de train"},
            "site": {"en": "the German rail network", "de": "das Schienennetz",
                     "fr": "le réseau ferroviaire allemand"},
            "at_site": {"en": "on Germany's railways", "de": "bei der Bahn",
                        "fr": "sur le réseau ferroviaire allemand"},
            "duration": {"en": "24 hours", "de": "24 Stunden", "fr": "24 heures"},
            "impact": {
                "en": "Around 80 percent of long-distance trains were cancelled, and regional services ran only sporadically.",
                "de": "Rund 80 Prozent der Fernzüge fielen aus, im Regionalverkehr galt ein Notfahrplan.",
                "fr": "Environ 80 % des trains grandes lignes ont été supprimés et le trafic régional était très perturbé.",
            },
        },
    },
    "rates-cnb": {
        "kind": "rates", "when": "2026-03-05T14:30:00+01:00", "coverage": {"en": 2, "de": 2},
        "wire": "reuters-rates-cnb",
        "facts": {
            "direction": "cut", "rate": 3.25, "bp": 25, "inflation": 2.4, "target": 2.0, "governor": "Pavel Hruška",
            "governor_title": {"de": "Notenbankchef"}, "votes": (5, 2),
            "bank": {"en": "the Czech National Bank", "de": "die Tschechische Nationalbank"},
            "bank_short": {"en": "the CNB", "de": "die CNB"},
            "bank_head": {"en": "Czech central bank", "de": "Tschechiens Notenbank"},
            "in_country": {"en": "in the Czech Republic", "de": "in Tschechien"},
            "city": {"en": "Prague", "de": "Prag"},
            "currency": {"en": "koruna", "de": "Krone"},
            "next_meeting": {"en": "May", "de": "Mai"},
        },
    },
    "rates-rba": {
        "kind": "rates", "when": "2026-03-03T14:30:00+11:00", "coverage": {"en": 3},
        "facts": {
            "direction": "hold", "rate": 3.60, "bp": 0, "inflation": 2.9, "target": 2.5, "governor": "Helen Marsh",
            "votes": (6, 3), "bank": "the Reserve Bank of Australia", "bank_short": "the RBA", "bank_head": "RBA",
            "in_country": "in Australia", "city": "Sydney", "currency": "Australian dollar", "next_meeting": "April",
        },
    },
    "transfer-ferran": {
        "kind": "transfer", "when": "2026-03-04T18:00:00+01:00", "coverage": {"en": 3, "fr": 1, "es": 3},
        "facts": {
            "player": "Mateo Ferrán", "age": 23, "from_club": "Real Valdecañas", "to_club": "Thamesbury Athletic",
            "fee": 48, "years": 5, "goals": 9, "appearances": 31, "director": "Graham Pell",
            "position": {"en": "midfielder", "fr": "milieu de terrain", "es": "centrocampista"},
            "nationality": {"en": "Spanish", "fr": "espagnol", "es": "español"},
        },
    },
    "transfer-okafor": {
        "kind": "transfer", "when": "2026-03-06T12:00:00+01:00", "coverage": {"en": 2, "de": 3},
        "facts": {
            "player": "Daniel Okafor", "age": 26, "from_club": "Eintracht Hafenstadt", "to_club": "Sporting Atlântico",
            "fee": 31, "years": 4, "goals": 17, "appearances": 27, "director": "Rui Mendonça",
            "position": {"en": "striker", "de": "Stürmer"},
            "nationality": {"en": "Nigerian", "de": "nigerianische"},
        },
    },
    "election-vaud": {
        "kind": "election", "when": "2026-03-01T19:30:00+01:00", "coverage": {"en": 2, "de": 2, "fr": 3},
        "facts": {
            "winner": "Claire Dubosson", "rival": "Laurent Mivelaz", "share": 41.3, "rival_share": 35.9,
            "turnout": 38.6,
            "place": {"en": "Vaud", "de": "der Waadt", "fr": "Vaud"},
            "at_place": {"fr": "dans le canton de Vaud"}, "of_place": {"fr": "du canton de Vaud"},
            "office": {"en": "a seat on the cantonal government of Vaud",
                       "de": "einen Sitz in der Waadtländer Kantonsregierung",
                       "fr": "un siège au Conseil d'Etat vaudois"},
            "party": {"en": "the Greens", "de": "die Grünen", "fr": "les Verts"},
            "of_party": {"en": "of the Greens"}, "party_short": {"de": "Grüne", "fr": "Verts"},
            "rival_of_party": {"en": "of the Liberals"}, "rival_party_short": {"de": "Liberale", "fr": "Libéraux"},
        },
    },
    "election-galway": {
        "kind": "election", "when": "2026-03-07T17:30:00+00:00", "coverage": {"en": 3},
        "facts": {
            "winner": "Siobhán Keady", "rival": "Declan Furey", "share": 38.4, "rival_share": 33.1,
            "turnout": 44.7, "place": "Galway West", "office": "the Galway West by-election",
            "party": "the Social Democrats", "of_party": "of the Social Democrats",
            "rival_of_party": "of the Christian Democrats",
        },
    },
    "fire-lodz": {
        "kind": "fire", "when": "2026-03-03T01:40:00+01:00", "coverage": {"en": 3, "de": 2},
        "facts": {
            "company": "Farbex Chemicals", "city": "Lodz", "injured": 3, "firefighters": 80, "engines": 24,
            "area": 6000, "hours": 7, "evacuated": 250, "chief": "Tomasz Wrona",
            "site": {"en": "paint factory", "de": "Lackfabrik"},
            "in_country": {"en": "in Poland", "de": "in Polen"},
        },
    },
    "fire-valencia": {
        "kind": "fire", "when": "2026-03-06T16:20:00+01:00", "coverage": {"en": 2, "fr": 1, "es": 3},
        "facts": {
            "company": "Logística Turia", "city": "Paterna", "injured": 2, "firefighters": 90, "engines": 25,
            "area": 12000, "hours": 9, "evacuated": 400, "chief": "Vicente Llorca",
            "site": {"en": "logistics warehouse", "fr": "plateforme logistique", "es": "nave logística"},
            "in_country": {"en": "near Valencia in Spain", "fr": "près de Valence, en Espagne",
                           "es": "cerca de Valencia"},
        },
    },
    "storm-brittany": {
        "kind": "storm", "when": "2026-03-04T03:00:00+01:00", "coverage": {"en": 2, "de": 1, "fr": 2, "es": 1},
        "wire": "afp-storm-brittany",
        "facts": {
            "gust_kmh": 148, "without_power": 120000, "dead": 2, "injured": 17, "calls": 3400, "cancelled": 85,
            "forecaster": "Erwan Le Bihan",
            "storm": {"en": "Storm Ilona", "de": "das Sturmtief Ilona", "fr": "la tempête Ilona",
                      "es": "la borrasca Ilona"},
            "region": {"en": "Brittany", "de": "die Bretagne", "fr": "la Bretagne", "es": "Bretaña"},
            "region_acc": {"de": "die Bretagne"},
            "in_region": {"en": "in Brittany", "de": "in der Bretagne", "fr": "en Bretagne", "es": "en Bretaña"},
            "at_station": {"en": "at the Pointe du Raz", "de": "an der Pointe du Raz", "fr": "à la pointe du Raz",
                           "es": "en la punta del Raz"},
            "alert": {"en": "red alert", "de": "Warnstufe Rot", "fr": "vigilance rouge", "es": "aviso rojo"},
        },
    },
    "storm-texas": {
        "kind": "storm", "when": "2026-03-02T05:00:00-06:00", "coverage": {"en": 3}, "wire": "ap-storm-texas",
        "facts": {
            "gust_kmh": 137, "without_power": 310000, "dead": 3, "injured": 24, "calls": 2100, "cancelled": 640,
            "forecaster": "Carla Benavides", "storm": "a powerful storm", "region": "North Texas",
            "in_region": "in North Texas", "at_station": "at Dallas Love Field", "alert": "high wind warning",
        },
    },
    "jobcuts-veltrix": {
        "kind": "jobcuts", "when": "2026-03-05T13:00:00+00:00", "coverage": {"en": 3, "de": 1, "fr": 1},
        "facts": {
            "company": "Veltrix Systems", "jobs": 1200, "staff": 3400, "city": "Dublin", "ceo": "Mark Feeney",
            "union": "FTWU", "union_rep": "Orla Dempsey", "site": {"en": "European headquarters"},
            "reason": {"en": "slowing demand for its cloud products and greater use of automation",
                       "de": "einer sinkenden Nachfrage nach Cloud-Produkten und mehr Automatisierung",
                       "fr": "le ralentissement de la demande pour ses produits cloud et l'automatisation"},
            "deadline": {"en": "by the end of the year", "de": "bis zum Jahresende", "fr": "d'ici à la fin de l'année"},
        },
    },
    "jobcuts-montlucon": {
        "kind": "jobcuts", "when": "2026-03-03T10:30:00+01:00", "coverage": {"en": 1, "de": 1, "fr": 3},
        "facts": {
            "company": "Pneus Valmont", "jobs": 640, "staff": 1150, "city": "Montluçon", "ceo": "Hélène Garnier",
            "union": "FTI", "union_rep": "Patrick Mercier", "site": {"en": "tyre plant"},
            "reason": {"en": "competition from cheaper imports", "de": "der Konkurrenz durch billigere Importe",
                       "fr": "la concurrence des importations à bas prix"},
            "deadline": {"en": "by the end of 2027", "de": "bis Ende 2027", "fr": "d'ici à la fin de 2027"},
        },
    },
    "recall-kessler": {
        "kind": "recall", "when": "2026-03-03T10:00:00+01:00", "coverage": {"en": 3, "de": 2, "fr": 1},
        "wire": "dpa-recall-kessler",
        "facts": {
            "company": "Kessler Motoren", "units": 84000, "countries": 31, "incidents": 46,
            "spokesperson": "Julia Brenninger",
            "product": {"en": "E7 electric SUVs", "de": "Elektro-SUV vom Typ E7", "fr": "SUV électriques E7"},
            "product_short": {"fr": "SUV électriques"},
            "defect": {
                "en": "a fault in the battery management software can cause a sudden loss of power while driving",
                "de": "ein Fehler in der Software des Batteriemanagements zu einem plötzlichen Leistungsverlust während der Fahrt führen kann",
                "fr": "un défaut du logiciel de gestion de la batterie peut provoquer une perte soudaine de puissance en roulant",
            },
            "defect_short": {"en": "battery software fault", "de": "Softwarefehler", "fr": "défaut logiciel"},
            "defect_short_gen": {"de": "Softwarefehlers"},
            "authority": {"en": "Germany's Federal Motor Transport Authority",
                          "fr": "l'autorité allemande de la circulation routière"},
            "authority_dat": {"de": "dem Kraftfahrt-Bundesamt"},
            "action": {
                "en": "Owners will be contacted by letter and can have the software updated free of charge at any authorised workshop; the update takes about an hour.",
                "de": "Die Halter werden angeschrieben und können die Software kostenlos in einer Vertragswerkstatt aktualisieren lassen; das Update dauert etwa eine Stunde.",
                "fr": "Les propriétaires seront contactés par courrier et pourront faire mettre à jour le logiciel gratuitement dans un atelier agréé ; l'opération dure environ une heure.",
            },
        },
    },
    "recall-cheese": {
        "kind": "recall", "when": "2026-03-05T11:00:00+01:00", "coverage": {"en": 1, "de": 1, "fr": 3},
        "facts": {
            "company": "Fromagerie du Haut-Doubs", "units": 38000, "countries": 3, "incidents": 4,
            "spokesperson": "Aurélie Vuillemin",
            "product": {"en": "packs of raw-milk tomme cheese", "de": "Packungen Rohmilch-Tomme",
                        "fr": "barquettes de tomme au lait cru"},
            "product_short": {"fr": "Tomme au lait cru"},
            "defect": {"en": "some batches may be contaminated with listeria bacteria",
                       "de": "einige Chargen mit Listerien belastet sein könnten",
                       "fr": "certains lots pourraient être contaminés par la listeria"},
            "defect_short": {"en": "listeria risk", "de": "Listerien", "fr": "risque de listeria"},
            "defect_short_gen": {"de": "Listerienbefalls"},
            "authority": {"en": "France's food safety agency", "fr": "l'agence de sécurité sanitaire des aliments"},
            "authority_dat": {"de": "den französischen Lebensmittelbehörden"},
            "action": {
                "en": "Customers should not eat the cheese and can return it to the shop where it was bought for a full refund.",
                "de": "Kunden sollten den Käse nicht verzehren und können ihn gegen Erstattung des Kaufpreises im Geschäft zurückgeben.",
                "fr": "Les consommateurs sont invités à ne pas consommer le fromage et à le rapporter en magasin pour être remboursés.",
            },
        },
    },
    "verdict-fintech": {
        "kind": "verdict", "when": "2026-03-06T11:30:00+00:00", "coverage": {"en": 2, "de": 1},
        "wire": "ap-verdict-fintech",
        "facts": {
            "defendant": "Oliver Brandt", "age": 41, "years": 9, "victims": 11000, "judge": "Eleanor Hastings",
            "judge_title": {"de": "Richterin"}, "city": "London",
            "role": {"en": "the founder of the payments start-up Payvane",
                     "de": "der Gründer des Zahlungsdienstleisters Payvane"},
            "court": {"en": "Southwark Crown Court in London", "de": "ein Gericht in London"},
            "charge": {"en": "fraud"}, "charge_gen": {"de": "Betrugs"}, "charge_art": {"de": "des Betrugs"},
            "amount": {"en": "£142 million", "de": "142 Millionen Pfund"},
        },
    },
    "verdict-seville": {
        "kind": "verdict", "when": "2026-03-04T12:00:00+01:00", "coverage": {"en": 1, "es": 3},
        "facts": {
            "defendant": "Antonio Ruiz Calderón", "defendant_last": "Ruiz Calderón", "age": 62, "years": 4,
            "victims": 6400, "judge": "Carmen Villalobos", "city": "Sevilla",
            "role": {"en": "the former mayor of San Lorenzo de la Vega", "es": "exalcalde de San Lorenzo de la Vega"},
            "court": {"en": "the Provincial Court of Seville", "es": "la Audiencia Provincial de Sevilla"},
            "charge": {"en": "embezzlement of public funds", "es": "malversación de caudales públicos"},
            "amount": {"en": "€2.3 million", "es": "2,3 millones de euros"},
        },
    },
    "launch-aurora": {
        "kind": "launch", "when": "2026-03-05T21:14:00-03:00", "coverage": {"en": 2, "de": 1, "fr": 2, "es": 1},
        "facts": {
            "satellite": "Aurora-2", "mass": 3.8, "orbit": 36000, "years": 12, "minutes": 34,
            "director": "Sophie Lambert",
            "rocket": {"en": "Ariane 6", "de": "Ariane-6", "fr": "Ariane 6", "es": "Ariane 6"},
            "cost": {"en": "€410 million", "de": "410 Millionen Euro", "fr": "410 millions d'euros",
                     "es": "410 millones de euros"},
            "agency": {"en": "the European Space Agency", "fr": "l'Agence spatiale européenne"},
        },
    },
    "heist-ghent": {
        "kind": "theft", "when": "2026-03-03T03:10:00+01:00", "coverage": {"en": 2, "de": 1, "fr": 2},
        "facts": {
            "thieves": 3, "minutes": 4, "spokesperson": "Lotte Maes",
            "venue": {"en": "the Museum Van Aken", "de": "das Museum Van Aken", "fr": "le musée Van Aken"},
            "from_venue": {"en": "from the Museum Van Aken", "de": "aus dem Museum Van Aken",
                           "fr": "du musée Van Aken"},
            "in_venue": {"de": "im Museum Van Aken", "fr": "dans le musée Van Aken"},
            "venue_acc": {"de": "das Museum Van Aken"},
            "city": {"en": "Ghent", "de": "Gent", "fr": "Gand"},
            "items": {"en": "two 17th-century portraits by the Flemish painter Pieter de Clercq",
                      "de": "zwei Porträts des flämischen Malers Pieter de Clercq aus dem 17. Jahrhundert",
                      "fr": "deux portraits du XVIIe siècle signés du peintre flamand Pieter de Clercq"},
            "items_short": {"en": "two portraits", "de": "zwei Gemälde", "fr": "deux tableaux"},
            "value": {"en": "€6 million", "de": "sechs Millionen Euro", "fr": "6 millions d'euros"},
            "entry": {"en": "through a skylight in the roof", "de": "über ein Oberlicht im Dach",
                      "fr": "par une verrière du toit"},
        },
    },
    "heist-vienna": {
        "kind": "theft", "when": "2026-03-06T10:40:00+01:00", "coverage": {"en": 1, "de": 3},
        "facts": {
            "thieves": 3, "minutes": 2, "spokesperson": "Markus Dengler",
            "venue": {"en": "the Hartmann jewellery shop", "de": "das Juweliergeschäft Hartmann"},
            "from_venue": {"en": "from the Hartmann jewellery shop on Kohlmarkt",
                           "de": "aus dem Juweliergeschäft Hartmann am Kohlmarkt"},
            "in_venue": {"de": "im Juweliergeschäft Hartmann"},
            "venue_acc": {"de": "das Juweliergeschäft Hartmann am Kohlmarkt"},
            "city": {"en": "Vienna", "de": "Wien"},
            "items": {"en": "watches and jewellery", "de": "Uhren und Schmuck"},
            "items_short": {"en": "watches and jewellery", "de": "Uhren und Schmuck"},
            "value": {"en": "€1.8 million", "de": "1,8 Millionen Euro"},
            "entry": {"en": "by smashing the glass door with sledgehammers",
                      "de": "durch die mit Vorschlaghämmern eingeschlagene Glastür"},
        },
    },
    "derailment-tyrol": {
        "kind": "derailment", "when": "2026-03-06T07:55:00+01:00", "coverage": {"en": 1, "de": 2},
        "facts": {
            "town": "Wörgl", "passengers": 86, "injured": 14, "serious": 2, "spokesperson": "Sabine Auer",
            "region": {"en": "Tyrol", "de": "Tirol"},
        },
    },
    "summit-lisbon": {
        "kind": "summit", "when": "2026-03-05T16:00:00+00:00", "coverage": {"en": 2, "de": 1, "fr": 1, "es": 1},
        "facts": {
            "countries": 31, "share": 30, "year": "2035", "ratify": 20, "host": "Inês Carvalho",
            "pact": {"en": "Lisbon Ocean Pact", "fr": "pacte de Lisbonne pour l'océan",
                     "es": "Pacto de Lisboa por el Océano"},
            "city": {"en": "Lisbon", "de": "Lissabon", "fr": "Lisbonne", "es": "Lisboa"},
            "fund": {"en": "€2.5 billion", "de": "2,5 Milliarden Euro", "fr": "2,5 milliards d'euros",
                     "es": "2.500 millones de euros"},
        },
    },
    "protest-brussels": {
        "kind": "protest", "when": "2026-03-02T11:00:00+01:00", "coverage": {"en": 2, "de": 1, "fr": 2, "es": 1},
        "facts": {
            "count": 3000, "organisers_count": 7000, "arrests": 12, "leader": "Jan Verbeke",
            "protesters": {"en": "farmers", "de": "Landwirte", "fr": "agriculteurs", "es": "agricultores"},
            "of_protesters": {"fr": "d'agriculteurs"},
            "city": {"en": "Brussels", "de": "Brüssel", "fr": "Bruxelles", "es": "Bruselas"},
            "cause": {"en": "a planned trade agreement with South American countries",
                      "de": "ein geplantes Handelsabkommen mit südamerikanischen Staaten",
                      "fr": "un projet d'accord commercial avec des pays d'Amérique du Sud",
                      "es": "un acuerdo comercial previsto con países de Sudamérica"},
            "cause_short": {"en": "trade deal", "de": "Handelsabkommen", "fr": "l'accord commercial",
                            "es": "el acuerdo comercial"},
            "group": {"en": "the Farmers' Alliance for Europe", "de": "der Bauernallianz Europa",
                      "fr": "la Coordination paysanne européenne", "es": "la Coordinadora Agraria Europea"},
            "detail": {
                "en": "Hundreds of tractors blocked the boulevards around the European Quarter for several hours, and some protesters set fire to bales of straw.",
                "de": "Hunderte Traktoren blockierten stundenlang die Boulevards rund um das Europaviertel, einige Demonstranten zündeten Strohballen an.",
                "fr": "Des centaines de tracteurs ont bloqué pendant plusieurs heures les boulevards autour du quartier européen, et des bottes de paille ont été incendiées.",
                "es": "Cientos de tractores bloquearon durante horas los bulevares del barrio europeo y algunos manifestantes quemaron balas de paja.",
            },
        },
    },
    "protest-madrid": {
        "kind": "protest", "when": "2026-03-07T12:00:00+01:00", "coverage": {"en": 1, "es": 3},
        "facts": {
            "count": 40000, "organisers_count": 95000, "arrests": 3, "leader": "Carmen Soler", "city": "Madrid",
            "protesters": {"en": "teachers", "es": "docentes"},
            "cause": {"en": "low pay and overcrowded classrooms", "es": "los bajos salarios y la masificación de las aulas"},
            "cause_short": {"en": "low pay", "es": "los bajos salarios"},
            "group": {"en": "the Platform for Public Education", "es": "la Plataforma por la Educación Pública"},
            "detail": {
                "en": "The march ran from Atocha station to the Puerta del Sol, where a manifesto was read out.",
                "es": "La marcha recorrió el trayecto entre Atocha y la Puerta del Sol, donde se leyó un manifiesto.",
            },
        },
    },
    "cyberattack-hanover": {
        "kind": "cyber", "when": "2026-03-04T07:30:00+01:00", "coverage": {"en": 1, "de": 2},
        "facts": {
            "postponed": 60, "beds": 1100, "spokesperson": "Anja Reimers",
            "hospital": {"en": "Leinetal hospital", "de": "Klinikum Leinetal"},
            "hospital_gen": {"de": "Klinikums Leinetal"},
            "city": {"en": "Hanover", "de": "Hannover"},
        },
    },
}
