"""German sentence bank: per story kind, headlines and six paragraph slots, each with variants."""

BANK: dict[str, dict[str, list]] = {
    "quake": {
        "headlines": [
            "Erdbeben der Stärke {mag} erschüttert {region}: {dead} Tote",
            "{Dead} Tote und {injured} Verletzte nach Beben bei {town}",
            "Beben der Stärke {mag} bei {town}: Helfer suchen nach Verschütteten",
        ],
        "slots": [
            [
                "Ein Erdbeben der Stärke {mag} hat am {weekday} {in_region} mindestens {dead} Menschen das Leben gekostet. Mehr als {injured} weitere wurden nach Angaben des Zivilschutzes verletzt. Das Zentrum des Bebens lag in einer Tiefe von {depth} Kilometern nahe der Stadt {town}.",
                "Bei einem schweren Erdbeben {in_region} {in_country} sind am {weekday} {dead} Menschen ums Leben gekommen. Die Erdbebenwarte bezifferte die Stärke auf {mag}; das Epizentrum lag um {time} in der Nähe von {town}, etwa {depth} Kilometer unter der Oberfläche.",
                "Ein heftiges Erdbeben hat am {weekday} die Gegend um {town} erschüttert. Nach Angaben der Behörden starben mindestens {dead} Menschen, {injured} wurden verletzt. Die Stärke des Bebens, das um {time} registriert wurde, gaben Seismologen mit {mag} an.",
            ],
            [
                "In der Altstadt von {town} stürzten mehrere ältere Gebäude ein, Straßen in die umliegenden Dörfer wurden von Rissen durchzogen. Rund {displaced} Bewohner verbrachten die Nacht in Zelten und Turnhallen, die die Behörden eingerichtet hatten.",
                "Rettungskräfte suchten den ganzen Tag in den Trümmern eingestürzter Häuser nach Verschütteten. Etwa {displaced} Menschen können vorerst nicht in ihre Wohnungen zurück; die Schulen der Provinz bleiben geschlossen, bis Statiker sie überprüft haben.",
                "Zahlreiche ältere Häuser hielten den Erschütterungen nicht stand. Fassaden stürzten auf Straßen, Autos wurden unter Trümmern begraben. Für rund {displaced} Menschen, deren Wohnungen unbewohnbar sind, stellten Hilfsorganisationen Notunterkünfte bereit, am Stadtrand von {town} entstand ein Feldlazarett.",
            ],
            [
                "„Wir haben alle abgeschnittenen Dörfer in den ersten Stunden erreicht“, sagte {official} vom Zivilschutz. „Jetzt prüfen wir die beschädigten Gebäude eines nach dem anderen, und das braucht Zeit.“",
                "„Es fühlte sich an, als würde das ganze Haus hochgehoben und wieder fallen gelassen“, berichtete {witness} ({witness_age}). Zusammen mit Nachbarn war {witness_last} auf die Straße geflüchtet. {Official} vom Zivilschutz kündigte an, die Suche die ganze Nacht fortzusetzen.",
                "{Official} vom Zivilschutz sagte vor Journalisten, derzeit gelte niemand als vermisst. Die Zahl der Verletzten könne aber noch steigen, wenn die Helfer abgelegene Höfe und Weiler erreichten. „Wir arbeiten rund um die Uhr“, sagte {official_last}.",
            ],
            [
                "Seismologen registrierten in den folgenden Stunden {aftershocks} Nachbeben, das stärkste erreichte eine Stärke von {max_aftershock}. Die Region liegt auf einem Störungssystem, das im vergangenen Jahrhundert mehrere verheerende Beben ausgelöst hat.",
                "Die Erde kam den ganzen Tag nicht zur Ruhe: {aftershocks} Nachbeben wurden gezählt, darunter eines der Stärke {max_aftershock}. Fachleute erklärten, die geringe Tiefe des Hauptbebens habe die Erschütterungen an der Oberfläche besonders heftig gemacht.",
                "Messstationen zählten nach dem Hauptbeben {aftershocks} schwächere Erdstöße. Der stärkste erreichte eine Stärke von {max_aftershock}, richtete nach Angaben von {official_last} aber keine weiteren Schäden an. Viele ländliche Häuser wurden vor Inkrafttreten strengerer Bauvorschriften errichtet.",
            ],
            [
                "Die Regierung gab noch am {weekday}abend Nothilfegelder frei und kündigte an, weitere Rettungsteams, Zelte und Anlagen zur Wasseraufbereitung in die Region zu schicken.",
                "Vorrang haben in den kommenden Tagen nach Angaben der Behörden die Überprüfung von Schulen und Krankenhäusern, die Wiederherstellung der Wasserversorgung und Notunterkünfte für Familien, die ihr Zuhause verloren haben.",
                "Hilfsorganisationen riefen zu Spenden auf. Freiwillige aus den Nachbarprovinzen trafen ein, um Lebensmittel, Decken und Trinkwasser in {town} und den umliegenden Dörfern zu verteilen. Die Behörden kündigten an, die Notunterkünfte bis zum Wochenende zu erweitern.",
            ],
            [
                "Ingenieure der Baubehörde begannen am Nachmittag damit, Brücken, Schulen und Krankenhäuser zu überprüfen, und markierten beschädigte Gebäude mit farbigen Zetteln. Nach Angaben der Behörden wird es Wochen dauern, alle Häuser in {town} zu begutachten. Bewohner sollten Gebäude mit sichtbaren Rissen bis dahin nicht betreten. Das Mobilfunknetz war stundenlang teilweise ausgefallen.",
                "Die Krankenhäuser in {town} holten Personal aus dem Urlaub zurück und verschoben planbare Operationen, um Platz für die Verletzten zu schaffen. Die meisten von ihnen erlitten Knochenbrüche und Schnittwunden durch herabfallende Trümmer. Für Angehörige, die ihre Familien nicht erreichen konnten, wurde eine Telefonhotline eingerichtet.",
                "In den ersten Minuten nach dem Beben herrschte Verwirrung: Menschen versammelten sich auf Plätzen und Parkplätzen, viele ohne Jacken oder Schuhe. Lokale Radiosender erklärten, wie man die Gaszufuhr abdreht, und die Polizei patrouillierte durch die leeren Straßen, um Plünderungen zu verhindern.",
            ],
        ],
    },
    "strike": {
        "headlines": [
            "Streik {at_site}: {Workers} legen die Arbeit nieder",
            "{Union} ruft {workers_n} {workers} zum Streik auf",
            "{Workers} im Ausstand: Arbeit {at_site} ruht",
        ],
        "slots": [
            [
                "Rund {workers_n} {workers} {at_site} haben am {weekday} die Arbeit niedergelegt, nachdem die Tarifgespräche mit der Arbeitgeberseite gescheitert waren. Die Gewerkschaft {union} kündigte an, der Ausstand werde für {duration} andauern.",
                "Mit einem Streik {at_site} hat die Gewerkschaft {union} am {weekday} den Druck in den festgefahrenen Lohnverhandlungen erhöht. Aufgerufen waren etwa {workers_n} {workers}, zunächst für {duration}. {Impact}",
                "{Workers} {at_site} sind am {weekday} in den größten Ausstand seit Jahren getreten, nachdem die Arbeitgeberseite eine Nachbesserung ihres Angebots abgelehnt hatte. Die Gewerkschaft {union}, die nach eigenen Angaben rund {workers_n} Beschäftigte vertritt, will den Streik für {duration} fortsetzen.",
            ],
            [
                "{Impact} Unternehmen warnten vor Verzögerungen, deren Abbau auch nach dem Ende des Streiks Wochen dauern könne.",
                "Die Gewerkschaft fordert ein Lohnplus von {demand} Prozent, um die hohe Inflation der vergangenen Jahre auszugleichen. {Employer} hat bislang {offer} Prozent angeboten. Beide Seiten warfen einander mangelnde Kompromissbereitschaft vor.",
                "Im Kern geht es ums Geld: Die Gewerkschaft verlangt für dieses Jahr {demand} Prozent mehr, deutlich mehr als die angebotenen {offer} Prozent. Außerdem fordert sie Zusagen zur Personalausstattung und eine Begrenzung der Überstunden.",
            ],
            [
                "„Unsere Leute haben den Betrieb durch jede Krise getragen, und sie haben es satt, zu hören, dass kein Geld da ist“, sagte {leader} von der Gewerkschaft {union} bei einer Kundgebung vor dem Haupttor.",
                "{Employer} bedauerte die Folgen für die Kunden, nannte die Forderungen aber „schlicht nicht finanzierbar“. {Leader} von der Gewerkschaft {union} sprach dagegen von einer Provokation und erklärte, der Streik könne binnen Stunden beendet werden, wenn ein besseres Angebot vorliege.",
                "„Die Tür ist offen, aber eine Reallohnsenkung werden wir nicht akzeptieren“, sagte {leader} von der Gewerkschaft {union}. Ein Ende des Ausstands sei rasch möglich, sobald die Arbeitgeber mit einem verbesserten Angebot an den Verhandlungstisch zurückkehrten.",
            ],
            [
                "Wirtschaftsverbände forderten die Regierung zum Eingreifen auf. Ökonomen warnten, ein längerer Ausstand könne Lieferketten treffen, die wegen gestiegener Transportkosten ohnehin unter Druck stehen.",
                "Andere Gewerkschaften verfolgen den Konflikt genau, da sie in den kommenden Monaten eigene Lohnforderungen stellen wollen. Nach Angaben von Verbänden kostet der Streik die Unternehmen täglich Millionen.",
                "Verkehrsexperten zufolge kommt der Streik zur Unzeit, weil viele Unternehmen nach dem Winter ihre Lager wieder auffüllen. Mehrere Firmen kündigten an, Waren nach Möglichkeit auf andere Wege umzuleiten.",
            ],
            [
                "Neue Gespräche waren bis zum {weekday}abend nicht angesetzt. Ein vom Arbeitsministerium eingesetzter Schlichter will in den nächsten Tagen mit beiden Seiten Kontakt aufnehmen.",
                "Die Gewerkschaft drohte mit weiteren, längeren Streiks, falls es keine Einigung gibt. {Employer} erklärte, man sei jederzeit zu Verhandlungen bereit.",
                "Beide Seiten wollen sich in der kommenden Woche erneut treffen. Die Gewerkschaft warnte, sie werde zu längeren Arbeitsniederlegungen aufrufen, sollten auch diese Gespräche scheitern.",
            ],
            [
                "Der Ausstand reiht sich ein in eine Serie von Arbeitskämpfen, mit denen Beschäftigte die Kaufkraftverluste der vergangenen Jahre ausgleichen wollen. Die Arbeitgeber verweisen dagegen auf schwache Produktivitätszuwächse und warnen, hohe Abschlüsse würden die Wettbewerbsfähigkeit gefährden. Die Regierung lehnte ein direktes Eingreifen bislang ab.",
                "Schon am frühen Morgen bildeten sich Streikposten an den Haupteingängen. Nach Angaben der Gewerkschaft beteiligten sich nahezu alle Aufgerufenen. Ein Notbetrieb für wichtige Abläufe wurde aufrechterhalten, der Großteil der Arbeit ruhte jedoch. Die Polizei meldete keine Zwischenfälle; die Stimmung unter den Streikenden sei ruhig, aber entschlossen gewesen.",
                "Kunden und Lieferanten mussten kurzfristig umplanen. Wirtschaftsvertreter nannten den Zeitpunkt denkbar ungünstig, da viele Betriebe ohnehin unter schwacher Nachfrage litten. Die Gewerkschaft bot nach eigenen Angaben an, den Streik für eine unabhängige Schlichtung auszusetzen – bislang ohne Antwort.",
            ],
        ],
    },
    "rates": {
        "headlines": [
            "{Bank_head} {decision_short}",
            "Inflation bei {inflation} Prozent: {bank_head} {decision_short}",
            "{Bank_head} {decision_short} und mahnt zur Vorsicht",
        ],
        "slots": [
            [
                "{Bank} {decision}. Die Entscheidung vom {weekday} war von den meisten Ökonomen erwartet worden, nachdem sich die Inflation im Februar auf {inflation} Prozent abgeschwächt hatte.",
                "{Bank} hat am {weekday} ihre Geldpolitik angepasst: Sie {decision}. Der Rat stimmte nach Angaben der Notenbank mit {votes} Stimmen für diesen Schritt.",
                "Die Währungshüter in {city} haben am {weekday} entschieden: {Bank_short} {decision}. Zugleich kündigte die Notenbank an, Löhne und Energiepreise in den kommenden Monaten genau zu beobachten.",
            ],
            [
                "Die Teuerungsrate {in_country} lag zuletzt bei {inflation} Prozent und damit in der Nähe des Ziels von {target} Prozent. Die Wirtschaft wächst dagegen seit mehreren Quartalen nur schwach.",
                "Die Verbraucherpreise stiegen im Februar um {inflation} Prozent im Vergleich zum Vorjahr. Das Inflationsziel der Notenbank liegt bei {target} Prozent; Einzelhandel und Industrie hatten zuletzt enttäuscht.",
                "Die jüngsten Daten zeigten eine Jahresteuerung von {inflation} Prozent, nahe am Zielwert von {target} Prozent. Das gibt den Währungshütern mehr Spielraum, sich auf die lahmende Konjunktur zu konzentrieren.",
            ],
            [
                "„Wir sehen die Risiken für die Preisentwicklung als weitgehend ausgeglichen, werden aber handeln, wenn sich die Lage ändert“, sagte {governor_title} {governor} bei einer Pressekonferenz in {city}.",
                "{Governor} betonte, künftige Entscheidungen hingen von den Daten ab. „Wir sind nicht auf einen festen Pfad festgelegt“, sagte {governor_last} vor Journalisten in {city}.",
                "„Die Entscheidung spiegelt unsere Einschätzung wider, dass der Preisdruck nachlässt – aber die Aufgabe ist noch nicht erledigt“, sagte {governor}. Der Rat habe verschiedene Optionen erörtert.",
            ],
            [
                "Die Landeswährung {currency} reagierte kaum auf die Ankündigung, die Renditen von Staatsanleihen gaben leicht nach. Die Märkte hatten den Schritt weitgehend eingepreist.",
                "Analysten werteten die Erklärung als vorsichtiger als im Januar; mehrere Banken verschoben ihre Prognosen für den nächsten Zinsschritt nach hinten.",
                "Die vor der Sitzung befragten Ökonomen hatten nahezu einhellig mit diesem Schritt gerechnet. Einige erwarten wegen des kräftigen Lohnwachstums nun eine längere Pause.",
            ],
            [
                "Die nächste Zinssitzung ist für {next_meeting} angesetzt. Dann will die Notenbank auch neue Prognosen für Wachstum und Inflation vorlegen. Volkswirte erwarten, dass die Notenbank dann auch ihre Einschätzung der Risiken aus dem Ausland überarbeitet.",
                "An den Finanzmärkten wird nun erwartet, dass die Notenbank frühestens im {next_meeting} erneut an der Zinsschraube dreht. Einige Volkswirte halten sogar eine längere Pause für möglich, falls die Löhne weiter kräftig steigen.",
                "Der Rat tritt im {next_meeting} erneut zusammen. Beobachter achten darauf, ob die Notenbank ihre Prognosen angesichts der schwächeren Weltkonjunktur überarbeitet. Auch die Entwicklung der Energiepreise dürfte dann eine wichtige Rolle spielen.",
            ],
            [
                "Die Entscheidung fällt in eine heikle Phase für die Wirtschaft. Die hohen Kreditkosten haben den Konsum der privaten Haushalte gebremst, Unternehmen klagen über teure Finanzierungen. Zugleich steigen die Löhne kräftig, und die Notenbank warnt, zu schnelle Zinssenkungen könnten die Inflation später im Jahr wieder anheizen.",
                "Banken dürften ihre Kreditzinsen in den kommenden Tagen anpassen. Für Immobilienkäufer in {city} bedeutet die Entscheidung etwas Entlastung, auch wenn die Preise gemessen an den Einkommen weiterhin hoch sind. Sparer müssen sich dagegen auf niedrigere Zinsen für Einlagen einstellen, sollte sich der Trend fortsetzen.",
                "In ihrer Erklärung ging die Notenbank ausführlich auf die Aussichten für Energiepreise, Welthandel und Staatsfinanzen ein. Die Risiken aus dem Ausland hätten zugenommen, die Wirtschaft dürfte in diesem Jahr nur mäßig wachsen. Volkswirte lesen daraus, dass die Notenbank es mit weiteren Schritten nicht eilig hat.",
            ],
        ],
    },
    "transfer": {
        "headlines": [
            "{Player} wechselt für {fee} Millionen Euro zu {to_club}",
            "{To_club} holt {position} {player_last} von {from_club}",
            "Millionen-Transfer: {player_last} verlässt {from_club}",
        ],
        "slots": [
            [
                "Der {nationality} {position} {player} wechselt von {from_club} zu {to_club}. Das gaben beide Vereine am {weekday} bekannt. Die Ablösesumme beträgt {fee} Millionen Euro, der {age}-Jährige unterschreibt einen Vertrag über {years} Jahre.",
                "{To_club} hat sich die Dienste von {player} gesichert. Der {age} Jahre alte {position} kommt zum Saisonende von {from_club}, die Ablöse soll bei {fee} Millionen Euro liegen, wie am {weekday} bestätigt wurde.",
                "{From_club} hat ein Angebot von {to_club} über {fee} Millionen Euro für {player} angenommen. Damit enden wochenlange Spekulationen über die Zukunft des {age}-Jährigen.",
            ],
            [
                "{Player_last} erzielte in dieser Saison in {appearances} Spielen {goals} Tore und ist Stammspieler in der Nationalmannschaft. Durch Bonuszahlungen kann die Summe noch steigen.",
                "Der Nationalspieler bestritt in dieser Spielzeit {appearances} Pflichtspiele und traf dabei {goals} Mal. Der Vertrag läuft über {years} Jahre und enthält eine Option auf eine weitere Saison.",
                "Mit {goals} Treffern in {appearances} Partien gehört {player_last} zu den auffälligsten Spielern der Saison. Eine Weiterverkaufsklausel sichert {from_club} eine Beteiligung an einem späteren Transfer.",
            ],
            [
                "„{Player_last} bringt genau die Qualitäten mit, die wir gesucht haben: Tempo, Spielintelligenz und den Willen, besser zu werden“, sagte {director}, Sportdirektor von {to_club}.",
                "„Für mich und meine Familie geht ein Traum in Erfüllung“, sagte {player_last} in einem Video seines neuen Vereins. „Ich danke allen bei {from_club} für ihre Unterstützung.“",
                "{Director}, der die Verhandlungen für {to_club} führte, sagte, man habe den Spieler seit mehr als zwei Jahren beobachtet. „Wir sind überzeugt, dass er für uns den Unterschied machen kann.“",
            ],
            [
                "Der Wechsel gehört zu den teuersten Verkäufen in der Geschichte von {from_club}. In sozialen Netzwerken reagierten die Fans mit einer Mischung aus Stolz und Enttäuschung.",
                "Auch andere Vereine hatten Interesse gezeigt, doch {to_club} handelte schnell, nachdem der Spieler signalisiert hatte, ins Ausland wechseln zu wollen. Die Einnahmen helfen {from_club} nach einem schwierigen Geschäftsjahr.",
                "Monatelang hatte {from_club} betont, der Spieler sei unverkäuflich. Die Höhe des Angebots habe die Vereinsführung aber umgestimmt, heißt es aus dem Umfeld des Clubs.",
            ],
            [
                "In den kommenden Wochen steht die medizinische Untersuchung an. Im Juli soll {player_last} bereits am Trainingslager seines neuen Vereins teilnehmen. Bis dahin will er sich voll auf die letzten Saisonspiele konzentrieren.",
                "Bis zum Sommer spielt {player_last} weiter für {from_club}, das noch um einen Europapokalplatz kämpft. Sein letztes Heimspiel ist für Mai angesetzt.",
                "Offiziell vorgestellt werden soll der Spieler zu Beginn des Sommers. {To_club} will sich zudem in der Abwehr verstärken. Die Gespräche mit zwei Kandidaten für die Innenverteidigung laufen nach Angaben des Vereins bereits.",
            ],
            [
                "Der Wechsel ist das Ergebnis monatelanger Bemühungen. Scouts von {to_club} sollen den Spieler in dieser Saison mehr als zwanzig Mal beobachtet haben, die Klubführung gab das Budget bereits im Januar frei. Den Ausschlag soll ein langes Gespräch mit dem Cheftrainer gegeben haben.",
                "Der Spieler stammt aus der Jugend von {from_club} und gab mit 18 Jahren sein Debüt bei den Profis. Seine Leistungen in dieser Saison brachten ihm die Berufung in die Nationalmannschaft ein; mehrere europäische Spitzenklubs sollen sich nach ihm erkundigt haben, bevor {to_club} zuschlug.",
                "Für {from_club} endet damit eine Ära. Der Vereinspräsident kündigte an, das Geld in den Kader und das Trainingszentrum zu investieren. Die Fans würden die Entscheidung verstehen, sobald sie die Pläne für die kommende Saison kennten. Fangruppen zeigten sich traurig über den Abschied, wünschten dem Spieler aber alles Gute.",
            ],
        ],
    },
    "election": {
        "headlines": [
            "{Winner} ({party_short}) gewinnt Wahl in {place}",
            "Wahl in {place}: {winner_last} siegt mit {share} Prozent",
            "Klarer Sieg für {winner} in {place}",
        ],
        "slots": [
            [
                "{Winner} ({party_short}) hat am {weekday} {office} gewonnen. Auf {winner_last} entfielen {share} Prozent der Stimmen, {rival} ({rival_party_short}) kam auf {rival_share} Prozent.",
                "Die Wählerinnen und Wähler in {place} haben am {weekday} {winner} ({party_short}) ihr Vertrauen ausgesprochen. Mit {share} Prozent setzte sich {winner_last} deutlich gegen {rival} ({rival_party_short}) durch, der Gegenkandidatur blieben {rival_share} Prozent.",
                "Nach einem viel beachteten Wahlkampf hat {winner} ({party_short}) {office} gewonnen, wie das am {weekday} veröffentlichte Endergebnis zeigt. {Winner_last} erhielt {share} Prozent der Stimmen, {rival} ({rival_party_short}) kam auf {rival_share} Prozent.",
            ],
            [
                "Die Wahlbeteiligung lag bei {turnout} Prozent und damit etwas höher als beim letzten Urnengang. Vor allem in den Städten gaben viele junge Menschen ihre Stimme ab.",
                "Nur {turnout} Prozent der Wahlberechtigten gingen an die Urne. Nach dem amtlichen Ergebnis fiel der Vorsprung aber in fast allen Bezirken deutlich aus.",
                "Die Wahlbeteiligung erreichte {turnout} Prozent. {Rival_last} schnitt in den ländlichen Gebieten am besten ab, {winner_last} dominierte in den Städten. Besonders deutlich fiel der Vorsprung in den Innenstadtbezirken aus, wo viele junge Familien wohnen.",
            ],
            [
                "„Die Wählerinnen und Wähler haben sich heute für einen Wechsel entschieden, und ich will ihn vom ersten Tag an umsetzen“, sagte {winner_last} vor Anhängern am Wahlabend.",
                "{Rival} räumte die Niederlage kurz nach Bekanntgabe der Ergebnisse ein. „Die Wähler haben gesprochen, ich gratuliere zu einem klaren Sieg“, sagte {rival_last}.",
                "„Dieses Ergebnis gehört den Freiwilligen, die an Tausende Türen geklopft haben“, sagte {winner_last} in einer kurzen Rede und versprach, sich vor allem um Wohnungsbau und Nahverkehr zu kümmern.",
            ],
            [
                "Im Wahlkampf dominierten die hohen Wohnkosten, der Verkehr und der Zustand öffentlicher Dienstleistungen. {Party} hatten mit dem Versprechen geworben, mehr bezahlbaren Wohnraum zu schaffen.",
                "Politikwissenschaftler sehen im Ergebnis einen Ausdruck der Unzufriedenheit mit den etablierten Parteien und einen Erfolg des lokalen Wahlkampfs. Es gilt auch als Stimmungstest für die Regierung.",
                "Die Wahl war nötig geworden, nachdem der bisherige Amtsinhaber im vergangenen Jahr zurückgetreten war. Umfragen hatten bis in die letzten Wochen ein knappes Rennen vorhergesagt.",
            ],
            [
                "{Winner_last} soll das Amt noch in diesem Monat antreten und vor dem Sommer ein erstes Programm vorlegen. Als erste Vorhaben wurden ein Wohnungsbauprogramm und ein günstigeres Nahverkehrsticket genannt.",
                "Aus dem ganzen Land trafen am {weekday}abend Glückwünsche ein. Das Ergebnis dürfte die Debatte vor der nächsten nationalen Wahl prägen. Die unterlegene Seite kündigte an, die Gründe für die Niederlage in den kommenden Wochen aufzuarbeiten.",
                "Die Amtseinführung soll in den kommenden Wochen stattfinden. {Rival_last} kündigte an, das unterlegene Lager werde eine konstruktive Opposition sein und die neue Führung an ihren Versprechen messen.",
            ],
            [
                "In einigen Bezirken wurde bis tief in die Nacht ausgezählt, das Endergebnis stand erst nach Berücksichtigung der Briefwahlstimmen fest. Die Wahlkommission sprach von einem reibungslosen Ablauf; nur in wenigen Wahllokalen seien kurzzeitig die Stimmzettel knapp geworden.",
                "Im Wahlkampf hatten sich die beiden wichtigsten Kandidaturen mehrere Fernsehdebatten über Wohnen, Nahverkehr und kommunale Abgaben geliefert. {Winner_last} versprach, einige Gebühren für zwei Jahre einzufrieren und Baugenehmigungen zu beschleunigen, {rival_last} warb mit Erfahrung und solider Haushaltsführung.",
                "Anhänger versammelten sich vor der Wahlkampfzentrale und bejubelten jede neue Hochrechnung. Parteivertreter sahen in dem Ergebnis den Wunsch nach einem neuen Politikstil; die Gegenseite betonte, angesichts der Resultate in mehreren Bezirken müsse die Gewinnerseite nun breite Unterstützung suchen.",
            ],
        ],
    },
    "fire": {
        "headlines": [
            "Großbrand zerstört {site} in {city}",
            "{Injured} Verletzte bei Feuer in {site} von {company}",
            "Feuerwehr kämpft stundenlang gegen Brand in {city}",
        ],
        "slots": [
            [
                "In einer {site} des Unternehmens {company} in {city} ist am {weekday} ein Großbrand ausgebrochen. {Injured} Menschen wurden verletzt, eine dichte Rauchsäule stand über der Stadt. Der Alarm ging um {time} ein.",
                "Rund {firefighters} Feuerwehrleute haben am {weekday} stundenlang gegen einen Brand in einer {site} in {city} {in_country} gekämpft. {Injured} Menschen erlitten Rauchvergiftungen und leichte Verbrennungen.",
                "Feuerwehren aus der ganzen Region sind am {weekday} nach {city} ausgerückt, wo Flammen eine {site} des Unternehmens {company} erfasst hatten. {Injured} Menschen wurden nach Angaben der Feuerwehr verletzt, keiner von ihnen lebensgefährlich.",
            ],
            [
                "Das Feuer breitete sich auf einer Fläche von etwa {area} Quadratmetern aus und war nach {hours} Stunden unter Kontrolle. Mit {engines} Fahrzeugen und einer Drehleiter verhinderten die Einsatzkräfte ein Übergreifen auf Nachbargebäude.",
                "Etwa {evacuated} Anwohner wurden aufgefordert, Fenster und Türen geschlossen zu halten, mehrere Straßen wurden gesperrt. Erst nach {hours} Stunden hatte die Feuerwehr den Brand unter Kontrolle.",
                "Insgesamt waren {engines} Löschfahrzeuge im Einsatz. Die Bewohner von rund {evacuated} Häusern in der Nachbarschaft mussten vorsorglich ihre Wohnungen verlassen, während Fachleute die Luftqualität maßen.",
            ],
            [
                "„Die Hitze war so groß, dass wir uns darauf konzentrieren mussten, die umliegenden Gebäude zu schützen“, sagte {chief} von der Feuerwehr. „Unsere Leute haben unter schwierigsten Bedingungen hervorragende Arbeit geleistet.“",
                "{Chief} von der Feuerwehr sagte, das Dach der Halle sei früh eingestürzt. Deshalb sei es zu gefährlich gewesen, Trupps ins Innere zu schicken.",
                "„Zuerst sahen wir nur Rauch, dann stand plötzlich die ganze Halle in Flammen“, sagte ein Mitarbeiter eines benachbarten Betriebs, der seinen Namen nicht nennen wollte. {Chief} von der Feuerwehr lobte die schnelle Räumung des Geländes.",
            ],
            [
                "Die Brandursache war zunächst unklar. Die Polizei hat Ermittlungen aufgenommen; Gutachter sollen das Gelände untersuchen, sobald es freigegeben ist.",
                "{Company} teilte mit, alle Beschäftigten seien in Sicherheit, man arbeite eng mit den Behörden zusammen. Für eine Schätzung des Schadens sei es noch zu früh.",
                "Hinweise auf Brandstiftung fanden die Ermittler bislang nicht, ein technischer Defekt wird aber nicht ausgeschlossen. Das Unternehmen beschäftigt am Standort mehrere Hundert Menschen.",
            ],
            [
                "Messungen ergaben nach Angaben der Behörden keine gefährlichen Schadstoffwerte. Anwohnern wurde dennoch geraten, das Gebiet für den Rest des Tages zu meiden. Die angrenzende Straße bleibt bis zum Abschluss der Aufräumarbeiten gesperrt.",
                "Die Produktion dürfte für mehrere Wochen ruhen. {Company} kündigte an, die Löhne der Beschäftigten weiterzuzahlen, solange der Schaden begutachtet wird. Wann die Produktion wieder anlaufen kann, sei offen.",
                "Die Straße neben dem Gelände soll bis zum Ende der Aufräumarbeiten gesperrt bleiben, teilte die Stadtverwaltung am {weekday}abend mit. Wann die Beschäftigten an ihre Arbeitsplätze zurückkehren können, ist noch offen.",
            ],
            [
                "Noch stundenlang löschten die Einsatzkräfte Glutnester im Inneren des Gebäudes. Ein Kran riss einsturzgefährdete Wandteile ein, damit die Feuerwehr an die letzten Brandherde gelangen konnte. Spezialisten kontrollierten zudem die Kanalisation, damit kein verunreinigtes Löschwasser in nahe Bäche gelangte.",
                "Anwohner berichteten von lauten Knallgeräuschen, offenbar durch explodierende Gasflaschen oder Behälter. Mehrere in der Nähe geparkte Autos wurden von herabfallenden Teilen beschädigt. Schulen in der Umgebung ließen die Kinder in den Pausen vorsorglich in den Gebäuden, für evakuierte Anwohner wurde eine Betreuungsstelle eingerichtet.",
                "Das Gelände war im vergangenen Jahr von den Behörden kontrolliert worden; alle Brandschutzeinrichtungen seien funktionsfähig gewesen, erklärte das Unternehmen. Gutachter der Versicherung werden in den kommenden Tagen erwartet. Die Stadt will prüfen, ob für Industriebetriebe in der Nähe von Wohngebieten strengere Regeln nötig sind.",
            ],
        ],
    },
    "storm": {
        "headlines": [
            "{Storm} fegt mit {gust} über {region_acc}",
            "{Without_power} Haushalte ohne Strom: {storm} wütet {in_region}",
        ],
        "slots": [
            [
                "{Storm} ist am {weekday} mit Böen von bis zu {gust} über {region_acc} hinweggezogen. Nach Angaben der Behörden kamen {dead} Menschen ums Leben, rund {without_power} Haushalte waren ohne Strom.",
                "Umgestürzte Bäume, abgedeckte Dächer und zerrissene Stromleitungen: {Storm} hat am {weekday} {in_region} schwere Schäden angerichtet. {Dead} Menschen starben, {injured} wurden verletzt. Die stärkste Böe wurde mit {gust} {at_station} gemessen.",
            ],
            [
                "Die Rettungskräfte rückten zu mehr als {calls} Einsätzen aus, meist wegen umgestürzter Bäume und beschädigter Dächer. Auf mehreren Bahnstrecken ruhte der Verkehr, {cancelled} Flüge wurden gestrichen.",
                "Zahlreiche Straßen waren durch umgestürzte Bäume blockiert, an den Regionalflughäfen fielen {cancelled} Flüge aus. Die Feuerwehr zählte in der Nacht mehr als {calls} Einsätze.",
            ],
            [
                "„Solche Windgeschwindigkeiten haben wir hier seit vielen Jahren nicht erlebt“, sagte {forecaster} vom Wetterdienst. Die {alert} sei frühzeitig ausgerufen worden.",
                "Die Behörden riefen die Bevölkerung auf, bis zur Aufhebung der {alert} in den Häusern zu bleiben. „Bitte gehen Sie nicht hinaus, um sich die Schäden anzusehen“, sagte {forecaster} vom Wetterdienst.",
            ],
            [
                "Reparaturtrupps arbeiteten rund um die Uhr. Der Netzbetreiber warnte jedoch, dass einige Kunden in abgelegenen Gebieten mehrere Tage ohne Strom bleiben könnten.",
                "Versicherer wollten die Schadenssumme noch nicht beziffern, rechneten aber mit Tausenden Meldungen über beschädigte Dächer, Fenster und Autos.",
            ],
            [
                "Bis zum {weekday}abend sollte der Wind nachlassen. Meteorologen warnten jedoch vor Starkregen und Überschwemmungen in tief gelegenen Gebieten. Die Behörden riefen Anwohner von Flüssen und Bächen auf, die Pegelstände im Blick zu behalten.",
                "In zwei Tagen soll sich das Wetter beruhigen, allerdings könnte Anfang nächster Woche bereits das nächste Tiefdruckgebiet heranziehen. Die Aufräumarbeiten dürften sich bis dahin vielerorts hinziehen.",
            ],
            [
                "In der ganzen Region hinterließ der Sturm Spuren der Verwüstung: Dächer von Scheunen und Garagen wurden abgedeckt, Baugerüste stürzten auf Straßen, mehrere Kirchtürme wurden beschädigt. Vielerorts halfen Freiwillige beim Aufräumen, in Baumärkten waren Planen und Taschenlampen am Nachmittag ausverkauft.",
                "Meteorologen zufolge war es einer der stärksten Stürme in der Region seit zehn Jahren. Das Tief vertiefte sich vor dem Landgang rasch und brachte ein schmales Band mit extremen Windgeschwindigkeiten. Ein vergleichbarer Sturm hatte vor einigen Jahren Schäden in dreistelliger Millionenhöhe verursacht.",
            ],
        ],
    },
    "jobcuts": {
        "headlines": [
            "{Company} streicht {jobs} Stellen in {city}",
            "Stellenabbau bei {company}: {jobs} Jobs in {city} betroffen",
            "Harter Schlag für {city}: {company} baut Stellen ab",
        ],
        "slots": [
            [
                "{Company} will am Standort {city} {jobs} Stellen streichen. Das Unternehmen begründete den Schritt am {weekday} mit {reason}. Der Abbau soll {deadline} abgeschlossen sein.",
                "Rund {jobs} Beschäftigte von {company} in {city} müssen um ihre Arbeitsplätze bangen. Das Unternehmen kündigte am {weekday} einen Umbau an, den es mit {reason} begründete.",
                "{Company} hat am {weekday} angekündigt, {jobs} von {staff} Arbeitsplätzen am Standort {city} abzubauen. Es ist einer der größten Stellenabbaupläne in der Region seit Jahren.",
            ],
            [
                "Derzeit arbeiten {staff} Menschen am Standort. Die Unternehmensleitung will betriebsbedingte Kündigungen nach Möglichkeit durch Vorruhestand und Abfindungsangebote vermeiden. Die Verhandlungen mit dem Betriebsrat sollen in der kommenden Woche beginnen.",
                "Der Betriebsrat wurde am {weekday}morgen informiert. Der Stellenabbau soll {deadline} erfolgen, über Abfindungen werde noch verhandelt, hieß es.",
                "Das Unternehmen, das in {city} {staff} Menschen beschäftigt, begründete den Schritt mit {reason}. Gespräche mit den Arbeitnehmervertretern über die Einzelheiten sollen in der kommenden Woche beginnen.",
            ],
            [
                "„Das ist ein schwerer Tag für unsere Beschäftigten und ihre Familien“, erklärte {ceo} für die Unternehmensführung. „Doch diese Schritte sind notwendig, um die Zukunft des Unternehmens zu sichern.“",
                "{Union_rep} von der Gewerkschaft {union} nannte die Entscheidung einen Schlag ins Gesicht einer Belegschaft, die Rekordergebnisse erwirtschaftet habe. „Wir werden um jeden Arbeitsplatz kämpfen.“",
                "„Uns wurde nichts darüber gesagt, was mit dem Standort in Zukunft passieren soll“, sagte {union_rep} von der Gewerkschaft {union}. „Die Menschen haben jetzt ein Recht auf Klarheit.“",
            ],
            [
                "Die Ankündigung fällt in eine Zeit, in der mehrere große Arbeitgeber der Branche Personal abbauen. Lokalpolitiker forderten Gespräche, um möglichst viele Stellen zu retten.",
                "Für {city} ist der Abbau ein schwerer Schlag, denn das Unternehmen gehört zu den größten privaten Arbeitgebern der Stadt. Auch Zulieferer und Geschäfte dürften die Folgen spüren.",
                "{Company} hatte im vergangenen Jahr einen Gewinnrückgang gemeldet und im Februar eine Überprüfung der Kosten angekündigt. Die Aktie legte nach der Ankündigung leicht zu.",
            ],
            [
                "Die Landesregierung kündigte eine Arbeitsgruppe an, die Betroffenen bei der Jobsuche helfen und neue Investoren anwerben soll. Zudem sollen Weiterbildungsangebote für die Beschäftigten finanziert werden.",
                "Die Gewerkschaft hat für die kommende Woche eine Betriebsversammlung einberufen und schließt Streiks nicht aus, falls das Unternehmen an seinen Plänen festhält.",
                "Die Verhandlungen über einen Sozialplan dürften mehrere Monate dauern. {Ceo_last} versicherte, das Unternehmen werde in {city} präsent bleiben.",
            ],
            [
                "Das Unternehmen hatte bereits in den vergangenen zwei Jahren in anderen Ländern Personal abgebaut und Teile der Fertigung an günstigere Standorte verlagert. Analysten sehen in den Kürzungen eine Reaktion auf den Druck der Investoren, die Margen zu verbessern. Ehemalige Beschäftigte berichten von monatelanger Verunsicherung in der Belegschaft.",
                "Die örtliche Wirtschaft fürchtet die Folgen. Zulieferer, Kantinenbetreiber, Reinigungsfirmen und Speditionen hängen am Standort. Die Industrie- und Handelskammer schätzt, dass für jeden Arbeitsplatz bei {company} mindestens ein weiterer in der Region wegfallen könnte.",
                "Die Beschäftigten, die auf einer Betriebsversammlung von den Plänen erfuhren, reagierten schockiert und wütend. Viele arbeiten seit Jahrzehnten für das Unternehmen und hatten gehofft, dass die jüngsten Investitionen den Standort sichern. Die Arbeitsagentur in {city} kündigte Sonderberatungen an.",
            ],
        ],
    },
    "recall": {
        "headlines": [
            "{Company} ruft {units} {product} zurück",
            "Rückruf wegen {defect_short}: {company} holt {units} {product} zurück",
            "Rückruf: {company} warnt vor {defect_short}",
        ],
        "slots": [
            [
                "{Company} ruft {units} {product} zurück, weil {defect}. Das teilte das Unternehmen am {weekday} mit. Betroffen sind Kunden in {countries} Ländern.",
                "Wegen eines {defect_short_gen} hat {company} den Rückruf von {units} {product} angeordnet. Die Maßnahme wurde am {weekday} in Abstimmung mit {authority_dat} bekannt gegeben.",
                "Rund {units} {product} werden von {company} zurückgerufen. Das Unternehmen teilte am {weekday} mit, dass {defect}. Der Rückruf betrifft Kunden in {countries} Ländern.",
            ],
            [
                "Das Problem war nach {incidents} Kundenmeldungen aufgefallen, wie das Unternehmen erklärte. Verletzte gab es bislang nicht. Die Ursache sei inzwischen gefunden.",
                "Nach Angaben von {authority_dat} sind bisher {incidents} Fälle bekannt. Die betroffenen Produkte wurden in {countries} Ländern verkauft.",
                "Nach Angaben des Unternehmens sind {incidents} Fälle bekannt, in denen der Fehler auftrat. Die Behörden seien informiert und begleiteten den Rückruf.",
            ],
            [
                "„Die Sicherheit unserer Kunden hat absolute Priorität“, sagte {spokesperson} aus der Kommunikationsabteilung. „Wir handeln vorsorglich.“ Man stehe in engem Austausch mit den zuständigen Behörden.",
                "{Spokesperson} aus der Pressestelle von {company} entschuldigte sich bei den Kunden für die Unannehmlichkeiten. Die Ursache des Problems sei gefunden.",
                "„Wir haben die Ursache gefunden, eine Lösung steht bereit“, sagte {spokesperson} im Namen des Unternehmens. „Niemand muss ein Risiko eingehen.“",
            ],
            [
                "{Action} Wie viel der Rückruf kostet, teilte das Unternehmen nicht mit. Für Rückfragen hat das Unternehmen eine kostenlose Telefonhotline eingerichtet.",
                "Verbraucherschützer lobten die schnelle Reaktion, forderten aber strengere Kontrollen, bevor Produkte in den Handel kommen. {Action}",
                "{Action} Eine Hotline für Rückfragen ist eingerichtet, zudem informiert das Unternehmen auf seiner Internetseite über den Stand des Rückrufs.",
            ],
            [
                "Analysten rechnen nicht mit großen finanziellen Folgen für {company}, der Imageschaden könnte aber zu einem ungünstigen Zeitpunkt kommen.",
                "Es ist nicht der erste Rückruf in der Branche in diesem Jahr. Die Aufsichtsbehörden haben ihre Kontrollen zuletzt verschärft. Hersteller müssen seither ausführlicher dokumentieren, wie sie Mängel erkennen und beheben.",
                "Die Behörden wollen prüfen, ob weitere Maßnahmen nötig sind. Das Unternehmen rechnet damit, den Rückruf innerhalb weniger Monate abzuschließen.",
            ],
            [
                "Ob ein Produkt betroffen ist, können Kunden auf der Internetseite des Unternehmens anhand einer Chargen- oder Seriennummer prüfen. Der Handel sei informiert, die betroffene Ware aus dem Verkauf genommen worden, hieß es. Verbraucherschützer raten, Kaufbelege und Unterlagen aufzubewahren.",
                "Rückrufe dieser Art werden meist durch interne Qualitätskontrollen oder Hinweise von Kunden und Behörden ausgelöst. Fachleute bescheinigten dem Unternehmen eine vergleichsweise schnelle Reaktion. Wichtig sei nun aufzuklären, wie der Fehler in Produktion und Prüfung unbemerkt bleiben konnte.",
                "Der Rückruf fällt in eine schwierige Phase für {company}, das mit steigenden Kosten und starker Konkurrenz kämpft. Branchenbeobachter meinen, der Umgang mit dem Rückruf werde über das Vertrauen der Kunden mitentscheiden – vor allem, wenn weitere Fälle bekannt würden.",
            ],
        ],
    },
    "verdict": {
        "headlines": [
            "{Years} Jahre Haft für {defendant}",
            "Urteil in {city}: {defendant_last} muss {years} Jahre ins Gefängnis",
        ],
        "slots": [
            [
                "{Court} hat {defendant}, {role}, am {weekday} wegen {charge_gen} zu {years} Jahren Haft verurteilt. Es ging um {amount}.",
                "{Defendant}, {role}, muss für {years} Jahre ins Gefängnis. {Court} sprach den {age}-Jährigen am {weekday} {charge_art} schuldig; nach Angaben der Anklage ging es um {amount}.",
            ],
            [
                "Nach Darstellung der Staatsanwaltschaft waren {victims} Menschen direkt betroffen. Das Gericht ordnete zudem die Beschlagnahme von Vermögenswerten an.",
                "Der Prozess dauerte mehrere Wochen, Dutzende Zeugen wurden gehört. Laut Anklage sind mehr als {victims} Menschen geschädigt worden. Viele von ihnen verfolgten die Urteilsverkündung im Saal.",
            ],
            [
                "„Sie haben das Vertrauen, das man Ihnen entgegengebracht hat, zur eigenen Bereicherung missbraucht“, sagte {judge_title} {judge} bei der Urteilsverkündung.",
                "{Defendant_last} nahm das Urteil ohne erkennbare Regung auf. Die Taten seien über einen langen Zeitraum sorgfältig geplant worden, sagte {judge_title} {judge}.",
            ],
            [
                "Die Verteidigung kündigte an, das Urteil zu prüfen, und stellte eine Berufung in Aussicht. {Defendant_last} hatte die Vorwürfe während des gesamten Verfahrens bestritten.",
                "Die Verteidigung hatte argumentiert, {defendant_last} habe von den Unregelmäßigkeiten nichts gewusst. Das Urteil ist noch nicht rechtskräftig. Die Verteidigung hat eine Woche Zeit, Rechtsmittel einzulegen.",
            ],
            [
                "Die Staatsanwaltschaft zeigte sich mit dem Strafmaß zufrieden, das nahe an ihrer Forderung lag. Sie hatte in ihrem Plädoyer betont, die Taten hätten das Vertrauen in die Branche schwer beschädigt.",
                "Zwei weitere Beschuldigte sollen sich noch in diesem Jahr vor Gericht verantworten. Ihnen wird Beihilfe vorgeworfen; sie bestreiten die Vorwürfe.",
            ],
            [
                "Im Prozess hatte die Anklage Hunderte Dokumente, E-Mails und Kontoauszüge vorgelegt, mehrere frühere Kollegen sagten gegen {defendant_last} aus. Von der Verteidigung benannte Gutachter argumentierten, die Bücher seien nach üblicher Praxis geführt worden. Das Gericht folgte dieser Einschätzung nicht.",
                "Die Ermittlungen hatten begonnen, nachdem eine interne Prüfung Unstimmigkeiten in den Büchern aufgedeckt hatte. Die Fahnder verfolgten die Geldflüsse über Jahre und beschlagnahmten Immobilien, Fahrzeuge und Konten. Ein Teil des Geldes ist bis heute verschwunden.",
            ],
        ],
    },
    "theft": {
        "headlines": [
            "Einbruch in {city}: Diebe erbeuten {items_short}",
            "Beute im Wert von {value}: Polizei in {city} sucht Täter",
            "Spektakulärer Coup {in_venue} in {city}",
        ],
        "slots": [
            [
                "Unbekannte haben am {weekday} gegen {time} {items} {from_venue} in {city} gestohlen. Den Wert der Beute schätzt die Polizei auf {value}.",
                "Die Polizei in {city} fahndet nach {thieves} Tätern, die am {weekday} in {venue_acc} eingedrungen sind. Sie erbeuteten {items} im Wert von rund {value}.",
                "Nur {minutes} Minuten brauchte eine Bande von {thieves} Tätern am {weekday} für ihren Coup {in_venue} in {city}. Sie entkamen mit {items}, deren Wert auf {value} geschätzt wird.",
            ],
            [
                "Die Täter gelangten {entry} in das Gebäude und waren verschwunden, bevor die ersten Streifenwagen eintrafen. Überwachungskameras zeichneten {thieves} maskierte Personen auf.",
                "Nach Erkenntnissen der Ermittler verschafften sich die Täter {entry} Zutritt. Der gesamte Einbruch dauerte etwa {minutes} Minuten.",
                "Nach etwa {minutes} Minuten war alles vorbei: Die Einbrecher kamen {entry} hinein und flüchteten nach Zeugenaussagen in einem wartenden Auto.",
            ],
            [
                "„Das war eine sorgfältig geplante Tat von Leuten, die genau wussten, was sie suchten“, sagte {spokesperson} von der Polizei.",
                "{Spokesperson} von der Polizei sagte, die Ermittler werteten Videoaufnahmen aus. Zeugen, denen verdächtige Fahrzeuge aufgefallen seien, sollten sich melden.",
                "„Wir gehen mehreren Spuren nach“, sagte {spokesperson} von der Polizei. „Wir stehen auch mit Kollegen im Ausland in Kontakt.“",
            ],
            [
                "Experten zufolge lässt sich Diebesgut dieser Art auf dem legalen Markt kaum verkaufen. Manchmal diene es als Pfand bei kriminellen Geschäften.",
                "Die Alarmanlage habe funktioniert, erklärten die Eigentümer. Die Täter seien aber schneller gewesen als die alarmierte Polizeistreife. Die erste Streife sei nach wenigen Minuten vor Ort gewesen.",
                "Es war nicht der erste Einbruch dieser Art in der Region. In den vergangenen Jahren wurden mehrere ähnliche Taten gemeldet; die Ermittler prüfen mögliche Verbindungen.",
            ],
            [
                "Die Eigentümer haben eine Belohnung für Hinweise ausgesetzt, die zur Wiederbeschaffung der Beute führen. Hinweise nimmt jede Polizeidienststelle entgegen, auf Wunsch auch vertraulich.",
                "{Venue} bleibt für mehrere Tage geschlossen, während die Spurensicherung den Tatort untersucht. Die Eigentümer kündigten an, die Sicherheitsvorkehrungen zu überprüfen.",
                "Die Polizei hat eine Sonderkommission gebildet und Beschreibungen der gestohlenen Stücke an Händler und Grenzbehörden verteilt. Auch Auktionshäuser wurden informiert.",
            ],
            [
                "Die Spurensicherung suchte den ganzen Tag nach Fingerabdrücken und DNA-Spuren. Die Ermittler werten zudem Aufnahmen von Kameras in benachbarten Straßen aus, um den Fluchtweg nachzuvollziehen. Kontrollstellen auf den Ausfallstraßen von {city} brachten zunächst keinen Erfolg.",
                "Versicherungsexperten zufolge werden solche Diebstähle oft im Auftrag begangen, die Abnehmer stehen dann schon fest. Spezialisierte Ermittlungseinheiten und internationale Datenbanken für gestohlene Güter sind eingeschaltet, was einen offenen Verkauf praktisch unmöglich macht. Manche Stücke tauchen erst Jahre später wieder auf.",
                "Nachbarn berichteten, sie hätten einen lauten Knall gehört und ein dunkles Auto davonrasen sehen. Die Sicherheitstechnik sei erst im vergangenen Jahr erneuert worden, sagten die Eigentümer. Sie zeigten sich schockiert über die Geschwindigkeit und Dreistigkeit der Täter.",
            ],
        ],
    },
    "protest": {
        "headlines": [
            "Tausende {protesters} demonstrieren in {city}",
            "Protest gegen {cause_short}: {count} {protesters} in {city}",
        ],
        "slots": [
            [
                "Tausende {protesters} sind am {weekday} in {city} auf die Straße gegangen, um gegen {cause} zu protestieren. Die Polizei sprach von {count} Teilnehmern, die Veranstalter von {organisers_count}.",
                "Rund {count} {protesters} haben am {weekday} in {city} gegen {cause} demonstriert. Das schätzte die Polizei; die Organisatoren von {group} sprachen von {organisers_count} Teilnehmern.",
            ],
            [
                "{Detail} Die Polizei nahm {arrests} Menschen fest, sprach aber von einem weitgehend friedlichen Verlauf.",
                "Die Kundgebung verlief größtenteils friedlich, nach Rangeleien am Ende der Route wurden jedoch {arrests} Menschen festgenommen. {Detail}",
            ],
            [
                "„Wir sind hier, weil uns keine andere Wahl bleibt“, sagte {leader} von {group}. „Niemand in der Politik hört uns zu.“",
                "{Leader} von {group} bezeichnete den Protest als „erst den Anfang“ und kündigte weitere Aktionen an, sollte die Regierung nicht reagieren.",
            ],
            [
                "Die Regierung zeigte Verständnis für die Sorgen, verteidigte aber ihre Position. Die Pläne seien notwendig und ausgewogen.",
                "Auch Oppositionspolitiker liefen bei der Demonstration mit und unterstützten die Forderungen der Teilnehmer in den sozialen Netzwerken.",
            ],
            [
                "Über weitere Proteste wollen die Organisatoren in der kommenden Woche entscheiden. Sie riefen ihre Unterstützer auf, sich für weitere Aktionen bereitzuhalten, und kündigten Gespräche mit Abgeordneten an.",
                "Die Organisatoren kündigten regionale Aktionen in den nächsten Wochen an, falls die Forderungen nicht erfüllt werden. Ein erstes Treffen mit Regierungsvertretern ist für Ende des Monats geplant.",
            ],
            [
                "Die Polizei war mit mehreren Hundert Beamten im Einsatz und sperrte zahlreiche Straßen in der Innenstadt. Busse und Bahnen wurden umgeleitet, einige Geschäfte entlang der Route blieben geschlossen. Bis zum Abend kam es in den umliegenden Vierteln zu erheblichen Staus.",
                "Viele Teilnehmer waren aus anderen Landesteilen angereist, manche in Reisebussen, die noch vor Sonnenaufgang losgefahren waren. Bei der Abschlusskundgebung sprachen auch Vertreter anderer Organisationen, die ihre Unterstützung für weitere Aktionen zusagten.",
            ],
        ],
    },
    "launch": {
        "headlines": [
            "Europäischer Wettersatellit {satellite} erfolgreich gestartet",
        ],
        "slots": [
            [
                "Eine {rocket}-Rakete hat am {weekday} den europäischen Wettersatelliten {satellite} vom Weltraumbahnhof Kourou in Französisch-Guayana ins All gebracht. Der Start erfolgte um {time} Ortszeit, {minutes} Minuten später trennte sich der Satellit von der Oberstufe.",
            ],
            [
                "Der {mass} Tonnen schwere Satellit soll eine geostationäre Umlaufbahn in rund {orbit} Kilometern Höhe erreichen und von dort Wolken, Stürme und Temperaturen über Europa und Afrika beobachten.",
            ],
            [
                "„Dieser Start schlägt ein neues Kapitel der Wettervorhersage in Europa auf“, sagte Missionsleiter {director}. „Meteorologen werden Unwetter früher und viel genauer erkennen.“",
            ],
            [
                "Die Mission kostet rund {cost} und ist auf mindestens {years} Jahre ausgelegt. An Bord befinden sich ein Blitzsensor und ein Infrarotinstrument zur Messung der Luftfeuchtigkeit.",
            ],
            [
                "In den kommenden Monaten werden die Instrumente getestet, bevor die ersten Daten an die Wetterdienste gehen. Die europäischen Wetterdienste bereiten sich seit Monaten darauf vor.",
            ],
            [
                "Der Start war im Februar zweimal wegen starker Höhenwinde verschoben worden. Die Ingenieure nutzten die Zeit für zusätzliche Tests an den Solarpaneelen, die sich in den kommenden Tagen entfalten sollen. Nach etwa sechs Monaten Inbetriebnahme soll der Satellit den regulären Dienst aufnehmen und einen mehr als fünfzehn Jahre alten Vorgänger ersetzen.",
            ],
        ],
    },
    "derailment": {
        "headlines": [
            "Zugunglück in {region}: {injured} Verletzte bei {town}",
            "Mure bringt Regionalzug bei {town} zum Entgleisen",
        ],
        "slots": [
            [
                "Ein Regionalzug ist am {weekday}morgen bei {town} in {region} nach einem Murenabgang entgleist. Von den {passengers} Menschen an Bord wurden {injured} verletzt, wie die Einsatzkräfte mitteilten.",
                "Bei {town} ist am {weekday} ein Regionalzug in Geröll gefahren, das kurz zuvor auf die Gleise gestürzt war. Die ersten beiden Waggons sprangen aus den Schienen; {injured} der {passengers} Fahrgäste wurden verletzt.",
            ],
            [
                "{Serious} Fahrgäste wurden schwer verletzt und mit Hubschraubern in die Klinik nach Innsbruck geflogen. Die übrigen Verletzten erlitten Schnittwunden und Prellungen und wurden vor Ort versorgt.",
                "Rettungskräfte brachten die Fahrgäste über eine Böschung in Sicherheit. {Serious} Personen erlitten schwere Verletzungen, die anderen wurden ambulant behandelt.",
            ],
            [
                "„Der Lokführer hatte keine Chance, rechtzeitig zu bremsen“, sagte {spokesperson}, Sprecherin der Bahn. „Die Steine sind nur wenige Minuten vor dem Zug abgegangen.“",
                "{Spokesperson}, Sprecherin der Bahn, sagte, der Zug sei mit etwa 70 Kilometern pro Stunde unterwegs gewesen. Eine Notbremsung habe das Unglück nicht mehr verhindern können.",
            ],
            [
                "In der Region hatte es tagelang stark geregnet, der Boden an den steilen Hängen oberhalb der Strecke war aufgeweicht. Geologen prüfen, ob weitere Abgänge drohen.",
                "Nach tagelangen Regenfällen war der Hang oberhalb der Bahnlinie ins Rutschen geraten. Die Landesgeologie untersucht nun das gesamte Gebiet.",
            ],
            [
                "Die Strecke bleibt voraussichtlich mehrere Tage gesperrt. Zwischen {town} und dem Nachbartal ist ein Schienenersatzverkehr mit Bussen eingerichtet.",
                "Wann die Strecke wieder freigegeben wird, ist offen. Pendler müssen sich auf Busse und längere Fahrzeiten einstellen. Geologen wollen den Hang zunächst mit Netzen sichern lassen.",
            ],
            [
                "Weil das steile Gelände keinen direkten Zugang für Rettungswagen bot, mussten einige Verletzte mehrere Hundert Meter entlang der Gleise getragen werden. Anwohner brachten Decken und heiße Getränke, viele der Fahrgäste waren Pendler und Schüler auf dem Weg nach {town}.",
                "Am Einsatz beteiligten sich mehr als 150 Helfer von Feuerwehr, Rettungsdienst, Bergrettung und Polizei. Ein Kriseninterventionsteam betreute die unverletzten Fahrgäste in einer nahe gelegenen Turnhalle, bevor sie mit Bussen weiterfahren konnten.",
            ],
        ],
    },
    "summit": {
        "headlines": [
            "{Countries} Staaten unterzeichnen Meeresschutzpakt in {city}",
        ],
        "slots": [
            [
                "Vertreter von {countries} Staaten haben am {weekday} in {city} einen Pakt zum Schutz der Meere unterzeichnet. Sie verpflichten sich, bis {year} {share} Prozent ihrer Küstengewässer unter Schutz zu stellen.",
            ],
            [
                "Ein Fonds von {fund} soll ärmeren Ländern helfen, die neuen Schutzgebiete einzurichten und zu überwachen. Die Fortschritte werden alle zwei Jahre überprüft.",
            ],
            [
                "„Wir haben gezeigt, dass sich Staaten noch auf etwas einigen können, das für kommende Generationen zählt“, sagte Gastgeberin {host}.",
            ],
            [
                "Umweltverbände begrüßten die Einigung, hielten die zugesagten Mittel aber für unzureichend. Fischereiverbände warnten vor dem Verlust von Arbeitsplätzen an den Küsten.",
            ],
            [
                "Der Pakt tritt in Kraft, sobald ihn mindestens {ratify} Staaten ratifiziert haben. Die Organisatoren hoffen, dass dies innerhalb von zwei Jahren gelingt; eine erste Überprüfungskonferenz ist für das kommende Jahr geplant.",
            ],
            [
                "Die Verhandlungen waren zeitweise schwierig, vor allem bei der Frage, wie bestehende Schutzgebiete angerechnet werden und wie streng die Fangregeln sein sollen. Ein Kompromiss gelang erst in der letzten Nacht, nachdem das Gastgeberland vorgeschlagen hatte, ärmeren Staaten mehr Zeit für die Umsetzung zu geben.",
            ],
        ],
    },
    "cyber": {
        "headlines": [
            "Hackerangriff legt {hospital} in {city} lahm",
            "Cyberangriff auf Klinik: Notfälle in {city} werden umgeleitet",
        ],
        "slots": [
            [
                "Ein Cyberangriff hat die IT-Systeme des {hospital_gen} in {city} lahmgelegt. Notfallpatienten werden seit dem {weekday} in andere Krankenhäuser gebracht, wie die Klinik mitteilte.",
                "Nach einem Hackerangriff arbeitet das {hospital} in {city} seit dem {weekday} im Notbetrieb. Rettungswagen fahren andere Kliniken an, die Computer bleiben vorerst abgeschaltet.",
            ],
            [
                "Rund {postponed} geplante Operationen mussten verschoben werden. Das Haus mit {beds} Betten arbeitet vorübergehend wieder mit Papierakten. Auch Laborbefunde werden derzeit per Boten zwischen den Stationen ausgetauscht.",
                "Betroffen sind nach Angaben der Klinik die Patientenakten, die Laborsysteme und die Terminplanung. {Postponed} Eingriffe wurden abgesagt; das Haus verfügt über {beds} Betten.",
            ],
            [
                "„Die Versorgung der Patienten ist zu jeder Zeit gewährleistet, aber wir arbeiten unter sehr schwierigen Bedingungen“, sagte Kliniksprecherin {spokesperson}.",
                "{Spokesperson}, Sprecherin des Klinikums, bat Patienten um Geduld. Man arbeite mit externen Fachleuten daran, die Systeme Schritt für Schritt wieder hochzufahren. Die Notaufnahme bleibe vorerst für Rettungswagen gesperrt.",
            ],
            [
                "Die Ermittler gehen von einem Angriff mit Erpressungssoftware aus, die Daten verschlüsselt. Das Landeskriminalamt hat die Ermittlungen übernommen. Zu den möglichen Tätern machten die Behörden zunächst keine Angaben.",
                "Nach ersten Erkenntnissen handelt es sich um eine sogenannte Ransomware-Attacke. Eine Lösegeldforderung sei eingegangen, werde aber nicht bedient, hieß es. Die Staatsanwaltschaft ermittelt wegen Computersabotage und Erpressung.",
            ],
            [
                "Ob Patientendaten abgeflossen sind, war zunächst unklar. Die Klinik will Betroffene informieren, sobald mehr bekannt ist. Der Datenschutzbeauftragte des Landes wurde eingeschaltet.",
                "Wann der Normalbetrieb wieder aufgenommen werden kann, ist offen. Die Landesregierung kündigte an, die IT-Sicherheit der Krankenhäuser zu überprüfen. Mehrere Kliniken in der Region boten an, zusätzliche Patienten aufzunehmen.",
            ],
            [
                "Entdeckt wurde der Angriff am frühen Morgen, als Ärzte feststellten, dass sich Patientenakten nicht mehr öffnen ließen. Die IT-Abteilung fuhr daraufhin alle Netzwerke herunter. Angriffe auf Krankenhäuser haben in den vergangenen Jahren zugenommen; Sicherheitsexperten warnen seit Langem, dass viele Kliniken schlecht geschützt seien.",
                "Die Landesregierung sagte der Klinik Unterstützung durch Fachleute des Landeskriminalamts zu. Patienten mit geplanten Terminen sollen telefonisch informiert werden, ob ihre Behandlung stattfinden kann. Die Notaufnahme soll nach Möglichkeit in den kommenden Tagen schrittweise wieder öffnen.",
            ],
        ],
    },
}
