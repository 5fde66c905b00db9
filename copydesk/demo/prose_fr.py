"""French sentence bank: per story kind, headlines and six paragraph slots, each with variants."""

BANK: dict[str, dict[str, list]] = {
    "quake": {
        "headlines": [
            "Un séisme de magnitude {mag} fait {dead} morts {in_region}",
            "Tremblement de terre près de {town} : {dead} morts et {injured} blessés",
        ],
        "slots": [
            [
                "Un séisme de magnitude {mag} a frappé {in_region} {weekday} à {time}, faisant au moins {dead} morts et plus de {injured} blessés, selon la protection civile. L'épicentre a été localisé près de la ville de {town}, à une profondeur de {depth} kilomètres.",
                "{Dead} personnes ont perdu la vie et {injured} ont été blessées {weekday} lors d'un violent tremblement de terre {in_region}, {in_country}. Les sismologues ont mesuré une magnitude de {mag}, avec un épicentre situé à proximité de {town}.",
            ],
            [
                "Plusieurs bâtiments anciens du centre de {town} se sont effondrés et des routes menant aux villages voisins se sont fissurées. Quelque {displaced} habitants ont passé la nuit sous des tentes ou dans des gymnases réquisitionnés par les autorités.",
                "Les secouristes ont fouillé les décombres des maisons effondrées pendant une grande partie de la journée. Environ {displaced} personnes ne peuvent pas regagner leur logement, et les écoles de la province resteront fermées jusqu'à leur inspection.",
            ],
            [
                "« Nos équipes ont atteint tous les villages isolés dans les premières heures », a déclaré {official}, qui coordonne les secours. « Nous vérifions maintenant les bâtiments endommagés un par un, et cela prendra du temps. »",
                "« On aurait dit que toute la maison était soulevée puis lâchée », raconte {witness}, {witness_age} ans, au milieu des voisins rassemblés dans la rue. Selon {official}, qui dirige les opérations de secours, les recherches se poursuivront toute la nuit.",
            ],
            [
                "Les sismologues ont enregistré {aftershocks} répliques dans les heures suivantes, la plus forte d'une magnitude de {max_aftershock}. La zone se trouve sur un système de failles qui a provoqué plusieurs séismes destructeurs au cours du siècle dernier.",
                "La terre n'a cessé de trembler de la journée : {aftershocks} répliques ont été recensées, dont une de magnitude {max_aftershock}. Selon les experts, la faible profondeur du choc principal explique la violence des secousses en surface.",
            ],
            [
                "Le gouvernement a débloqué des fonds d'urgence dès {weekday} soir et promis l'envoi de renforts, de tentes et d'unités de purification d'eau.",
                "Les priorités des prochains jours sont l'inspection des écoles et des hôpitaux, le rétablissement de l'eau courante et le relogement des familles sinistrées, ont précisé les autorités.",
            ],
            [
                "Des ingénieurs ont commencé dans l'après-midi à inspecter les ponts, les écoles et les hôpitaux, en marquant les bâtiments endommagés avec des affiches de couleur. Selon les autorités, il faudra plusieurs semaines pour examiner toutes les maisons de {town}, et les habitants ne doivent pas regagner les logements présentant des fissures visibles.",
                "Les hôpitaux de {town} ont rappelé du personnel en congé et reporté les opérations non urgentes pour accueillir les blessés, dont la plupart souffrent de fractures et de coupures causées par la chute de débris. Une ligne téléphonique a été ouverte pour les proches sans nouvelles de leur famille.",
            ],
        ],
    },
    "strike": {
        "headlines": [
            "Grève {at_site} : les {workers} cessent le travail",
            "{Union} appelle {workers_n} {workers} à la grève",
            "Conflit salarial : {site} paralysé par une grève",
        ],
        "slots": [
            [
                "Quelque {workers_n} {workers} ont cessé le travail {weekday} {at_site}, après l'échec des négociations salariales avec {employer}. Le syndicat {union} a annoncé que le mouvement durerait {duration}.",
                "Le syndicat {union} a lancé {weekday} une grève de {duration} {at_site}, appelant environ {workers_n} {workers} à cesser le travail dans un conflit sur les salaires. {Impact}",
                "Les {workers} ont débrayé {weekday} {at_site}, dans le plus important mouvement social depuis des années, {employer} ayant refusé d'améliorer sa proposition. Le syndicat {union}, qui représente quelque {workers_n} salariés, prévoit une grève de {duration}.",
            ],
            [
                "{Impact} Les entreprises dépendantes du site redoutent des retards qui pourraient mettre des semaines à se résorber.",
                "Le syndicat réclame une hausse des salaires de {demand} % pour compenser l'inflation des dernières années, alors que {employer} propose {offer} %. Chaque camp accuse l'autre de refuser tout compromis.",
                "Au cœur du conflit, les salaires : {union} exige {demand} % d'augmentation cette année, bien au-delà des {offer} % proposés, ainsi que des garanties sur les effectifs.",
            ],
            [
                "« Nos adhérents ont fait tourner la boutique pendant toutes les crises, ils en ont assez d'entendre qu'il n'y a pas d'argent », a lancé {leader}, pour le syndicat {union}, devant l'entrée principale.",
                "{Employer} a regretté les perturbations, tout en jugeant les revendications « tout simplement impossibles à financer ». {Leader}, pour le syndicat, a dénoncé une provocation.",
                "{Leader}, à la tête du syndicat {union}, a assuré que la grève pourrait être levée en quelques heures si la direction revenait à la table avec une meilleure offre. « La porte est ouverte, mais nous n'accepterons pas de baisse de salaire réelle », a insisté {leader_last}.",
            ],
            [
                "Les organisations patronales ont appelé le gouvernement à intervenir, tandis que des économistes mettent en garde contre l'impact d'un conflit prolongé sur des chaînes d'approvisionnement déjà fragilisées.",
                "D'autres syndicats suivent le conflit de près, car ils préparent leurs propres revendications salariales pour les mois à venir. Selon le patronat, la grève coûte des millions chaque jour.",
                "Selon des spécialistes du transport, le moment est particulièrement mal choisi, car de nombreuses entreprises reconstituent leurs stocks après l'hiver. Plusieurs d'entre elles détournent déjà leurs marchandises vers d'autres itinéraires.",
            ],
            [
                "Aucune nouvelle réunion n'était prévue {weekday} soir. Un médiateur nommé par le ministère du Travail doit prendre contact avec les deux parties dans les prochains jours.",
                "Le syndicat menace de nouvelles grèves en l'absence d'accord, tandis que {employer} se dit prêt à reprendre les discussions à tout moment.",
                "Les deux parties doivent se retrouver la semaine prochaine. Le syndicat prévient qu'il appellera à des arrêts plus longs si les discussions échouent à nouveau.",
            ],
            [
                "Ce mouvement s'inscrit dans une série de conflits sociaux portant sur les salaires, les travailleurs cherchant à rattraper le pouvoir d'achat perdu pendant les années de forte inflation. Les employeurs estiment que la productivité n'a pas suivi et que de fortes hausses nuiraient à leur compétitivité. Le gouvernement refuse pour l'instant d'intervenir directement.",
                "Des piquets de grève se sont formés dès l'aube devant les principales entrées, et le syndicat revendique une mobilisation quasi totale. Un service minimum a été maintenu pour les opérations essentielles, mais l'essentiel de l'activité était à l'arrêt. La police n'a signalé aucun incident, l'ambiance étant décrite comme calme mais déterminée.",
                "Clients et fournisseurs ont dû trouver des solutions de repli dans l'urgence. Pour les milieux d'affaires, le calendrier ne pouvait pas être plus mal choisi, alors que de nombreuses entreprises souffrent déjà d'une demande atone. Le syndicat affirme avoir proposé de suspendre le mouvement en échange d'un arbitrage indépendant.",
            ],
        ],
    },
    "transfer": {
        "headlines": [
            "{Player} quitte {from_club} pour {to_club} contre {fee} millions d'euros",
            "Mercato : {to_club} s'offre {player_last}",
            "{Player_last} s'engage avec {to_club}",
        ],
        "slots": [
            [
                "Le {position} {nationality} {player} va rejoindre {to_club} en provenance de {from_club} pour {fee} millions d'euros, ont annoncé les deux clubs {weekday}. Agé de {age} ans, il a signé un contrat de {years} ans et arrivera en fin de saison.",
                "{From_club} a accepté une offre de {fee} millions d'euros de {to_club} pour {player}, mettant fin à des semaines de spéculations sur l'avenir du joueur de {age} ans, a-t-on appris {weekday}.",
                "{Player}, l'un des jeunes joueurs les plus convoités d'Europe, quitte {from_club} pour {to_club} dans le cadre d'un transfert de {fee} millions d'euros, ont confirmé {weekday} les deux clubs.",
            ],
            [
                "{Player_last} a inscrit {goals} buts en {appearances} matches cette saison et s'est imposé comme titulaire en sélection nationale. Des bonus pourraient encore faire grimper la facture.",
                "Auteur de {goals} buts en {appearances} rencontres, {player_last} est l'un des joueurs les plus en vue de la saison. Une clause de revente garantit à {from_club} un pourcentage sur un futur transfert.",
                "L'international a disputé {appearances} matches toutes compétitions confondues cette saison et marqué {goals} buts. Son contrat court sur {years} ans, avec une année supplémentaire en option.",
            ],
            [
                "« {Player_last} possède exactement les qualités que nous recherchions : la vitesse, l'intelligence de jeu et l'envie de progresser », a déclaré {director}, directeur sportif de {to_club}.",
                "« C'est un rêve pour moi et pour ma famille », a confié {player_last} dans une vidéo publiée par son nouveau club. « Je remercie tout le monde à {from_club} pour son soutien. »",
                "{Director}, qui a mené les négociations pour {to_club}, explique que le club suivait le joueur depuis plus de deux ans. « Nous sommes convaincus qu'il peut faire la différence », a-t-il ajouté.",
            ],
            [
                "Il s'agit de l'un des transferts les plus chers de l'histoire de {from_club}, et les supporters ont réagi avec un mélange de fierté et de déception sur les réseaux sociaux.",
                "D'autres clubs étaient sur les rangs, mais {to_club} a agi vite dès que le joueur a fait savoir qu'il souhaitait partir à l'étranger. La somme permettra à {from_club} d'équilibrer ses comptes.",
                "{From_club} avait assuré pendant des mois que le joueur n'était pas à vendre, mais le montant de l'offre a fait changer d'avis les dirigeants, selon des sources proches du club.",
            ],
            [
                "Le joueur passera sa visite médicale dans les prochaines semaines et doit participer au stage de préparation de son nouveau club en juillet.",
                "D'ici là, {player_last} reste à {from_club}, encore en course pour une place européenne. Son dernier match à domicile est prévu en mai.",
                "Le joueur doit être présenté aux supporters au début de l'été. {To_club} cherche également à renforcer sa défense avant la saison prochaine.",
            ],
            [
                "Ce transfert conclut une longue traque. Les recruteurs de {to_club} auraient observé le joueur plus d'une vingtaine de fois cette saison, et les dirigeants avaient validé l'enveloppe dès janvier. Selon son entourage, c'est une longue discussion avec l'entraîneur qui a convaincu le joueur de franchir le pas.",
                "Pour {from_club}, ce départ marque la fin d'une époque. Le président du club a promis de réinvestir l'argent dans l'effectif et le centre d'entraînement, assurant que les supporters comprendraient la décision en découvrant les projets pour la saison prochaine. Les groupes de supporters se disent tristes mais souhaitent bonne chance au joueur.",
                "Formé au club, le joueur avait fait ses débuts en équipe première à 18 ans. Ses performances cette saison lui ont valu une convocation en sélection, et plusieurs grands clubs européens s'étaient renseignés avant que {to_club} ne passe à l'offensive.",
            ],
        ],
    },
    "election": {
        "headlines": [
            "{Winner} ({party_short}) remporte l'élection {at_place}",
            "Election {at_place} : {winner_last} l'emporte avec {share} % des voix",
            "{Place} : victoire nette pour {winner}",
        ],
        "slots": [
            [
                "{Winner} ({party_short}) a remporté {office} {weekday}, avec {share} % des voix, devant {rival} ({rival_party_short}), qui obtient {rival_share} %.",
                "Les électeurs {of_place} ont donné la victoire à {winner} ({party_short}) {weekday}. Avec {share} % des suffrages, {winner_last} devance nettement {rival} ({rival_party_short}), qui recueille {rival_share} %.",
                "Au terme d'une campagne très suivie, {winner} ({party_short}) a remporté {office}, selon les résultats définitifs publiés {weekday}. {Winner_last} recueille {share} % des voix, contre {rival_share} % pour {rival}.",
            ],
            [
                "La participation s'est établie à {turnout} %, légèrement au-dessus du dernier scrutin comparable, avec une forte mobilisation des jeunes électeurs en ville.",
                "Seuls {turnout} % des inscrits se sont rendus aux urnes, mais l'écart est net dans presque tous les districts, selon le décompte officiel.",
                "Le taux de participation a atteint {turnout} %. {Rival_last} a réalisé ses meilleurs scores dans les zones rurales, tandis que {winner_last} a dominé dans les villes.",
            ],
            [
                "« Ce soir, les électeurs ont choisi le changement, et je compte le mettre en œuvre dès le premier jour », a lancé {winner_last} devant ses partisans.",
                "{Rival} a reconnu sa défaite peu après l'annonce des résultats. « Les électeurs se sont prononcés, je félicite mon adversaire pour cette victoire nette », a déclaré {rival_last}.",
                "« Ce résultat appartient aux bénévoles qui ont frappé à des milliers de portes », a déclaré {winner_last} dans un bref discours, en promettant de s'attaquer au logement et aux transports publics.",
            ],
            [
                "La campagne a été dominée par le coût du logement, la circulation et l'état des services publics. {Party} avaient promis de construire davantage de logements abordables.",
                "Pour les politologues, ce résultat traduit la lassitude envers les partis établis et le succès d'une campagne de proximité. Il sera aussi lu comme un test pour le gouvernement.",
                "Le scrutin avait été convoqué après la démission du précédent titulaire l'an dernier. Les sondages annonçaient une course serrée jusqu'aux dernières semaines.",
            ],
            [
                "{Winner_last} doit prendre ses fonctions dans le courant du mois et présenter un premier programme avant l'été.",
                "L'entrée en fonction aura lieu dans les prochaines semaines. {Rival_last} a promis une opposition constructive.",
                "Les félicitations ont afflué de tout le pays {weekday} soir, et ce résultat devrait peser sur le débat avant les prochaines élections nationales.",
            ],
            [
                "Le dépouillement s'est prolongé tard dans la nuit dans certains districts, et le résultat définitif n'a été connu qu'après l'intégration des votes par correspondance. Les observateurs ont salué un scrutin sans accroc, hormis de brèves pénuries de bulletins dans quelques bureaux de vote.",
                "Pendant la campagne, les deux principaux candidats se sont affrontés lors de plusieurs débats télévisés consacrés au logement, aux transports publics et à la fiscalité locale. {Winner_last} promettait de geler certaines taxes pendant deux ans et d'accélérer les permis de construire, tandis que {rival_last} mettait en avant son expérience et sa rigueur budgétaire.",
                "Des partisans s'étaient rassemblés devant le quartier général de campagne pour suivre l'arrivée des résultats, saluant chaque nouvelle estimation. Pour les responsables du parti, ce succès montre que les électeurs souhaitent une nouvelle approche ; l'opposition estime que le résultat dans plusieurs districts impose de rassembler largement.",
            ],
        ],
    },
    "fire": {
        "headlines": [
            "Violent incendie dans une {site} à {city}",
            "{City} : {injured} blessés dans l'incendie d'une {site}",
            "Une {site} ravagée par les flammes à {city}",
        ],
        "slots": [
            [
                "Un important incendie s'est déclaré {weekday} dans une {site} exploitée par {company} à {city}, faisant {injured} blessés et dégageant un épais panache de fumée au-dessus de la ville. L'alerte a été donnée à {time}.",
                "Environ {firefighters} pompiers ont lutté pendant des heures {weekday} contre les flammes qui ont ravagé une grande partie d'une {site} à {city}, {in_country}. {Injured} personnes ont été traitées pour des intoxications et des brûlures légères.",
                "Des pompiers de toute la région ont été appelés {weekday} à {city}, où les flammes ont ravagé une {site} appartenant à {company}. {Injured} personnes ont été blessées, sans gravité selon les secours.",
            ],
            [
                "Le feu s'est propagé sur environ {area} mètres carrés avant d'être maîtrisé au bout de {hours} heures. Les pompiers ont engagé {engines} engins pour empêcher les flammes d'atteindre les bâtiments voisins.",
                "Quelque {evacuated} riverains ont été invités à garder portes et fenêtres fermées, et plusieurs rues ont été bouclées. Il a fallu {hours} heures pour maîtriser l'incendie.",
                "Au total, {engines} engins ont été engagés. Les habitants d'environ {evacuated} logements voisins ont été évacués par précaution pendant que des spécialistes mesuraient la qualité de l'air.",
            ],
            [
                "« La chaleur était telle que nous avons dû nous concentrer sur la protection des bâtiments alentour », a expliqué {chief}, qui dirigeait l'intervention. « Nos équipes ont fait un travail remarquable dans des conditions très difficiles. »",
                "Selon {chief}, responsable des opérations chez les pompiers, la toiture s'est effondrée tôt, ce qui rendait trop dangereux l'envoi d'équipes à l'intérieur du bâtiment.",
                "« Au début, on ne voyait que de la fumée, puis tout le hangar s'est embrasé », raconte un employé d'une entreprise voisine, qui a souhaité garder l'anonymat. {Chief}, qui dirigeait les secours, a salué l'évacuation rapide du personnel.",
            ],
            [
                "L'origine du sinistre n'était pas connue dans l'immédiat. La police a ouvert une enquête, et des experts doivent examiner le site une fois celui-ci sécurisé.",
                "{Company} a indiqué que tous les salariés étaient sains et saufs et qu'elle coopérait pleinement avec les autorités. Il est trop tôt pour chiffrer les dégâts, selon un porte-parole.",
                "Les enquêteurs n'ont pour l'instant trouvé aucun indice d'un acte criminel, mais une défaillance technique n'est pas exclue. L'entreprise emploie plusieurs centaines de personnes sur le site.",
            ],
            [
                "Les mesures de la qualité de l'air n'ont pas révélé de niveaux dangereux de polluants, mais les habitants ont été invités à éviter le secteur jusqu'au soir.",
                "La production devrait être interrompue pendant plusieurs semaines. {Company} a promis de continuer à verser les salaires pendant l'évaluation des dégâts.",
                "La route longeant le site restera fermée jusqu'à la fin des opérations de nettoyage, a indiqué la mairie {weekday} soir. La date de reprise de l'activité n'est pas encore connue.",
            ],
            [
                "Il a fallu encore plusieurs heures aux pompiers pour éteindre les foyers résiduels à l'intérieur du bâtiment. Une grue a été acheminée pour abattre des pans de murs instables. Des équipes spécialisées ont également contrôlé les égouts afin d'éviter que les eaux d'extinction polluées n'atteignent les cours d'eau voisins.",
                "Des riverains ont entendu de fortes détonations, apparemment provoquées par l'explosion de bouteilles de gaz ou de conteneurs sous l'effet de la chaleur. Plusieurs voitures garées à proximité ont été endommagées par des chutes de débris. Un centre d'accueil a été ouvert pour les habitants évacués.",
                "Le site avait été contrôlé l'an dernier et tous les équipements de sécurité incendie fonctionnaient, assure l'entreprise. Les experts des assurances sont attendus dans les prochains jours, et les élus locaux veulent examiner si les sites industriels proches des habitations doivent être soumis à des règles plus strictes.",
            ],
        ],
    },
    "storm": {
        "headlines": [
            "{Storm} : des rafales à {gust} {in_region}",
            "{Without_power} foyers privés d'électricité après le passage de {storm}",
            "{Dead} morts après le passage de {storm} {in_region}",
        ],
        "slots": [
            [
                "{Storm} a balayé {region} {weekday} avec des rafales atteignant {gust}, privant d'électricité quelque {without_power} foyers et faisant {dead} morts, selon les autorités.",
                "Arbres arrachés, toitures envolées, lignes électriques au sol : {storm} a provoqué d'importants dégâts {in_region} {weekday}. {Dead} personnes sont mortes et {injured} ont été blessées. La rafale la plus forte, {gust}, a été relevée {at_station}.",
                "Lignes électriques arrachées, arbres déracinés : {storm} a traversé {region} {weekday} avec des vents soufflant jusqu'à {gust}. Quelque {without_power} foyers ont été privés de courant et {dead} personnes ont trouvé la mort.",
            ],
            [
                "Les secours sont intervenus plus de {calls} fois, surtout pour des chutes d'arbres et des toitures endommagées. La circulation ferroviaire a été suspendue sur plusieurs lignes et {cancelled} vols ont été annulés.",
                "Des dizaines de routes ont été coupées par des chutes d'arbres et {cancelled} vols ont été annulés dans les aéroports régionaux. Les pompiers ont effectué plus de {calls} interventions pendant la nuit.",
                "Les pompiers disent avoir été sollicités {calls} fois. Les écoles des secteurs les plus touchés sont restées fermées, et {cancelled} vols ainsi que de nombreux trains ont été supprimés.",
            ],
            [
                "« Nous n'avions pas connu de tels vents ici depuis de nombreuses années », a souligné {forecaster}, prévisionniste, en rappelant que la {alert} avait été déclenchée bien à l'avance.",
                "Les autorités ont demandé à la population de rester chez elle jusqu'à la levée de la {alert}. « Ne sortez pas pour aller voir les dégâts, le risque de chute de branches reste élevé », a averti {forecaster}, prévisionniste.",
                "{Forecaster}, prévisionniste, explique que la dépression s'est renforcée très rapidement à son arrivée. « Le vent a forci bien plus vite que lors d'un coup de vent ordinaire », souligne {forecaster_last}.",
            ],
            [
                "Les équipes de réparation travaillent jour et nuit, mais le gestionnaire du réseau prévient que certains clients des zones isolées pourraient rester plusieurs jours sans courant.",
                "Les assureurs jugent trop tôt pour chiffrer les dégâts, mais s'attendent à des milliers de déclarations pour des toitures, des fenêtres et des véhicules endommagés.",
                "Selon les scientifiques, le réchauffement des océans rend les tempêtes intenses plus probables, même s'il est difficile de relier un événement isolé au changement climatique.",
            ],
            [
                "Le vent devait faiblir dans la nuit de {weekday}, mais les prévisionnistes mettent en garde contre de fortes pluies et des risques d'inondation dans les zones basses.",
                "Un temps plus calme est attendu d'ici deux jours, même si une nouvelle dépression pourrait arriver en début de semaine prochaine.",
                "Les autorités locales ont ouvert des hébergements d'urgence pour les habitants dont le logement a été endommagé et mis en place des points d'accueil pour déclarer les dégâts.",
            ],
            [
                "Dans toute la région, la tempête a laissé derrière elle un paysage de désolation : toitures de hangars arrachées, échafaudages effondrés sur la chaussée, clochers endommagés. Dans de nombreuses communes, des bénévoles ont aidé à dégager les routes et les jardins, et les magasins de bricolage étaient en rupture de bâches et de lampes torches dès l'après-midi.",
                "Selon les météorologues, il s'agit de l'une des tempêtes les plus violentes de la décennie dans la région. La dépression s'est creusée très rapidement avant d'atteindre les côtes, produisant une bande étroite de vents extrêmes. Une tempête comparable avait causé il y a quelques années des centaines de millions d'euros de dégâts.",
                "Les hôpitaux ont soigné des personnes blessées par des projections de débris et des chutes de branches, ainsi que plusieurs habitants tombés en tentant de réparer leur toiture. Les secours répètent qu'il ne faut pas s'approcher des câbles électriques tombés au sol.",
            ],
        ],
    },
    "jobcuts": {
        "headlines": [
            "{Company} va supprimer {jobs} emplois à {city}",
            "Plan social chez {company} : {jobs} postes menacés à {city}",
            "{City} sous le choc après l'annonce de {company}",
        ],
        "slots": [
            [
                "{Company} va supprimer {jobs} emplois sur son site de {city}, a annoncé l'entreprise {weekday}, invoquant {reason}. Les suppressions doivent intervenir {deadline}.",
                "Quelque {jobs} salariés de {company} à {city} vont perdre leur emploi, après l'annonce {weekday} d'un plan de restructuration que l'entreprise justifie par {reason}.",
                "{Company} a annoncé {weekday} la suppression de {jobs} des {staff} postes de son site de {city}, l'une des plus importantes réductions d'effectifs dans la région depuis des années.",
            ],
            [
                "Le site emploie actuellement {staff} personnes. La direction dit vouloir éviter les licenciements secs en proposant des départs volontaires et des préretraites.",
                "L'entreprise, qui emploie {staff} personnes à {city}, affirme devoir s'adapter à {reason}. Les discussions avec les représentants du personnel commenceront la semaine prochaine.",
                "Les représentants du personnel ont été informés {weekday} matin lors d'un comité extraordinaire. Les suppressions auront lieu {deadline}, et les indemnités restent à négocier.",
            ],
            [
                "« C'est une journée difficile pour nos salariés et leurs familles », a déclaré {ceo}, à la tête du groupe, dans un communiqué. « Mais ces mesures sont nécessaires pour assurer l'avenir de l'entreprise. »",
                "{Union_rep}, du syndicat {union}, a dénoncé « une gifle pour des salariés qui ont produit des résultats records » et promis de combattre le plan.",
                "« On ne nous a rien dit sur l'avenir du site », a regretté {union_rep} ({union}). « Les salariés ont droit à de la clarté, maintenant. »",
            ],
            [
                "Cette annonce intervient alors que plusieurs grands employeurs du secteur réduisent leurs effectifs. Des élus locaux réclament des discussions pour sauver un maximum d'emplois.",
                "{Company} a publié des bénéfices en baisse l'an dernier et avait annoncé en février une revue de ses coûts. Son action a légèrement progressé après l'annonce.",
                "Le coup est rude pour {city}, où l'entreprise figure parmi les plus gros employeurs privés. Les organisations professionnelles craignent des répercussions sur les sous-traitants et les commerces.",
            ],
            [
                "La région a annoncé la création d'une cellule pour aider les salariés concernés à retrouver un emploi et pour attirer de nouveaux investisseurs.",
                "Les syndicats ont convoqué une assemblée du personnel la semaine prochaine et n'excluent pas une grève si la direction maintient son projet.",
                "Les négociations sur le plan social devraient durer plusieurs mois. {Ceo_last} a assuré que l'entreprise resterait présente à {city}.",
            ],
            [
                "L'entreprise avait déjà réduit ses effectifs dans d'autres pays ces deux dernières années et délocalisé une partie de ses activités vers des sites moins coûteux. Selon les analystes, ces suppressions répondent à la pression des investisseurs pour améliorer les marges. D'anciens salariés décrivent des mois d'incertitude sur le site.",
                "Le tissu économique local redoute l'effet domino. Sous-traitants, cantines, entreprises de nettoyage et transporteurs dépendent du site, et la chambre de commerce estime que chaque emploi supprimé chez {company} pourrait en entraîner au moins un autre dans la région.",
                "Les salariés, informés lors d'une réunion du personnel, décrivent un mélange de choc et de colère. Beaucoup travaillent pour l'entreprise depuis des décennies et pensaient que les investissements récents avaient assuré l'avenir du site. L'agence pour l'emploi de {city} va organiser des permanences spéciales.",
            ],
        ],
    },
    "recall": {
        "headlines": [
            "{Company} rappelle {units} {product}",
            "Rappel massif chez {company} pour cause de {defect_short}",
            "{Product_short} : {company} lance un rappel",
        ],
        "slots": [
            [
                "{Company} rappelle {units} {product} car {defect}, a annoncé l'entreprise {weekday}. Le rappel concerne {countries} pays.",
                "{Company} a ordonné le rappel de {units} {product} après avoir découvert que {defect}. L'annonce a été faite {weekday} en lien avec {authority}.",
                "Environ {units} {product} font l'objet d'un rappel, a annoncé {company} {weekday}, en prévenant que {defect}.",
            ],
            [
                "Le problème est apparu après {incidents} signalements de clients, selon l'entreprise. Aucun blessé ni malade n'a été signalé à ce stade.",
                "L'entreprise dit avoir connaissance de {incidents} cas. {Authority} a été informée et suit le déroulement du rappel.",
                "Selon {authority}, {incidents} incidents ont été recensés. Les produits concernés ont été vendus dans {countries} pays.",
            ],
            [
                "« La sécurité de nos clients est notre priorité absolue », a déclaré {spokesperson}, porte-parole de l'entreprise. « Nous agissons par précaution. »",
                "{Spokesperson}, porte-parole de {company}, a présenté ses excuses aux clients pour la gêne occasionnée et assuré que la cause du problème avait été identifiée.",
                "« Nous avons trouvé la cause et une solution est prête », a assuré {spokesperson}, porte-parole de {company}. « Les clients ne doivent prendre aucun risque. »",
            ],
            [
                "{Action} L'entreprise n'a pas précisé le coût de l'opération.",
                "{Action} Une ligne téléphonique a été mise en place pour répondre aux questions.",
                "Les associations de consommateurs ont salué la rapidité de la réaction, tout en réclamant des contrôles plus stricts avant la mise sur le marché. {Action}",
            ],
            [
                "Selon les analystes, le rappel ne devrait pas avoir d'impact financier majeur pour {company}, mais il pourrait nuire à l'image de la marque à un moment sensible.",
                "{Authority} indique qu'elle examinera si d'autres mesures sont nécessaires. L'entreprise compte achever le rappel d'ici quelques mois.",
                "Ce n'est pas le premier rappel du secteur cette année, et les autorités de contrôle ont récemment renforcé leurs vérifications.",
            ],
            [
                "Les clients peuvent vérifier si leur produit est concerné en saisissant un numéro de lot ou de série sur le site internet de l'entreprise. Les distributeurs ont été prévenus et les articles concernés retirés de la vente. Les associations de consommateurs conseillent de conserver les tickets de caisse.",
                "Ce type de rappel est généralement déclenché par des contrôles internes ou par des signalements de clients et des autorités. Selon les experts, l'entreprise a réagi relativement vite, mais il reste à comprendre comment le problème a pu passer inaperçu lors de la production et des tests.",
                "Ce rappel intervient dans une période délicate pour {company}, confrontée à la hausse des coûts et à une forte concurrence. Pour les observateurs du secteur, la gestion de cette affaire sera déterminante pour la confiance des clients, surtout si d'autres cas venaient à être signalés.",
            ],
        ],
    },
    "theft": {
        "headlines": [
            "Cambriolage spectaculaire à {city} : {items_short} dérobés",
            "{City} : un butin estimé à {value}",
            "Casse à {city} : la police recherche {thieves} malfaiteurs",
        ],
        "slots": [
            [
                "Des voleurs ont dérobé {items} {from_venue} à {city} {weekday} vers {time}, a indiqué la police. Le butin est estimé à {value}.",
                "La police de {city} recherche {thieves} suspects qui se sont introduits {weekday} {in_venue} et sont repartis avec {items}, d'une valeur d'environ {value}.",
                "Une bande de {thieves} malfaiteurs n'a eu besoin que de {minutes} minutes pour commettre un vol {in_venue} à {city} {weekday}, emportant {items} d'une valeur estimée à {value}.",
            ],
            [
                "Les malfaiteurs sont entrés {entry} et ont pris la fuite avant l'arrivée des policiers. Les caméras de surveillance ont filmé {thieves} personnes cagoulées.",
                "Selon les enquêteurs, les suspects se sont introduits {entry}. L'opération n'a duré qu'environ {minutes} minutes.",
                "Le casse a été mené très vite : les intrus sont entrés {entry}, puis ont pris la fuite à bord d'une voiture qui les attendait, selon des témoins.",
            ],
            [
                "« Il s'agit d'une opération minutieusement préparée par des gens qui savaient exactement ce qu'ils cherchaient », a déclaré {spokesperson}, porte-parole de la police.",
                "{Spokesperson}, porte-parole de la police, a indiqué que les enquêteurs analysaient les images de vidéosurveillance et lancé un appel à témoins.",
                "« Nous suivons plusieurs pistes », a indiqué {spokesperson}, porte-parole de la police. « Nous sommes aussi en contact avec nos collègues à l'étranger. »",
            ],
            [
                "Selon les spécialistes, ce type d'objets est pratiquement invendable sur le marché légal et sert parfois de monnaie d'échange dans le milieu criminel.",
                "L'alarme a bien fonctionné, selon les propriétaires, mais les voleurs ont été plus rapides que la patrouille envoyée sur place.",
                "Ce n'est pas le premier cambriolage de ce type dans la région. Plusieurs vols similaires ont été signalés ces dernières années, et les enquêteurs examinent d'éventuels liens.",
            ],
            [
                "Les propriétaires ont promis une récompense à toute personne permettant de retrouver les objets volés.",
                "La police a constitué une équipe d'enquête spéciale et diffusé la description des objets volés auprès des marchands et des services des douanes.",
                "Les lieux resteront fermés plusieurs jours, le temps que la police scientifique termine ses relevés. Les propriétaires ont annoncé qu'ils allaient revoir leur dispositif de sécurité.",
            ],
            [
                "La police scientifique a passé la journée à relever empreintes et traces ADN. Les enquêteurs exploitent aussi les images des caméras des rues voisines pour reconstituer l'itinéraire de fuite. Des contrôles ont été mis en place sur les grands axes quittant {city} peu après l'alerte, sans résultat.",
                "Selon des experts en assurance, ce type de vol est souvent commandité, les acheteurs étant trouvés à l'avance. Les services spécialisés et les bases de données internationales d'objets volés ont été alertés, ce qui rend toute revente au grand jour quasi impossible. Certaines pièces ne réapparaissent que des années plus tard.",
                "Des voisins disent avoir entendu un grand fracas avant de voir une voiture sombre s'éloigner à vive allure. Le système de sécurité avait été modernisé l'an dernier, selon les propriétaires, qui se disent choqués par la rapidité et l'audace des voleurs.",
            ],
        ],
    },
    "protest": {
        "headlines": [
            "Des milliers {of_protesters} manifestent à {city}",
            "{Count} {protesters} dans les rues de {city} contre {cause_short}",
            "{City} : forte mobilisation contre {cause_short}",
        ],
        "slots": [
            [
                "Des milliers {of_protesters} ont défilé {weekday} dans les rues de {city} pour protester contre {cause}. La police a compté {count} manifestants, les organisateurs {organisers_count}.",
                "Quelque {count} {protesters} ont manifesté {weekday} à {city} contre {cause}, selon la police. Les organisateurs, {group}, revendiquent {organisers_count} participants.",
                "{City} a connu {weekday} l'une de ses plus importantes manifestations depuis des années, des milliers {of_protesters} s'étant rassemblés contre {cause}. La police a compté {count} personnes, les organisateurs {organisers_count}.",
            ],
            [
                "{Detail} La police a procédé à {arrests} interpellations, tout en soulignant le caractère globalement pacifique du rassemblement.",
                "Le cortège s'est déroulé dans le calme, même si {arrests} personnes ont été interpellées après des échauffourées en fin de parcours. {Detail}",
                "{Detail} Les forces de l'ordre ont procédé à {arrests} interpellations, principalement pour des dégradations, selon un communiqué de la police.",
            ],
            [
                "« Nous sommes là parce que nous n'avons pas le choix », a expliqué {leader}, l'un des responsables de {group}. « Personne au pouvoir ne nous écoute. »",
                "{Leader}, porte-parole de {group}, a averti que cette manifestation n'était « qu'un début » et promis d'autres actions si le gouvernement ne réagissait pas.",
                "« Notre patience est à bout », a lancé {leader}, de {group}, depuis une estrade. « S'ils nous ignorent aujourd'hui, nous reviendrons, et nous serons plus nombreux. »",
            ],
            [
                "Le gouvernement dit comprendre les inquiétudes mais défend sa position, jugeant ses projets nécessaires et équilibrés.",
                "Des responsables de l'opposition se sont joints au cortège, et plusieurs ont apporté leur soutien aux revendications sur les réseaux sociaux.",
                "Cette manifestation est la dernière d'une série de mobilisations ces derniers mois. Les précédents rassemblements avaient réuni moins de monde.",
            ],
            [
                "Les organisateurs décideront de la suite du mouvement lors d'une réunion la semaine prochaine.",
                "{Group} annonce des actions régionales dans les prochaines semaines si ses revendications ne sont pas entendues.",
                "Une rencontre entre les organisateurs et le gouvernement est prévue à la fin du mois, mais les deux camps s'attendent à une discussion difficile.",
            ],
            [
                "Plusieurs centaines de policiers avaient été mobilisés et de nombreuses rues du centre-ville fermées à la circulation. Les transports en commun ont été déviés et certains commerces le long du parcours ont gardé leur rideau baissé. La circulation est restée très difficile dans les quartiers voisins jusqu'au soir.",
                "Beaucoup de manifestants étaient venus d'autres régions, certains dans des cars affrétés partis avant l'aube. Lors du rassemblement final, des représentants d'autres organisations ont pris la parole pour apporter leur soutien et promettre de nouvelles actions.",
                "La manifestation fait suite à plusieurs semaines d'actions locales, dont des pétitions et des rencontres avec des élus. Les organisateurs affirment avoir recueilli des dizaines de milliers de signatures, qu'ils comptent remettre aux autorités dans les prochains jours.",
            ],
        ],
    },
    "launch": {
        "headlines": [
            "Le satellite météo européen {satellite} lancé depuis Kourou",
            "Succès pour {rocket} : {satellite} placé en orbite",
        ],
        "slots": [
            [
                "Une fusée {rocket} a décollé {weekday} à {time}, heure locale, du Centre spatial guyanais de Kourou, emportant le satellite météorologique européen {satellite}. La séparation a eu lieu {minutes} minutes après le décollage.",
                "Le nouveau satellite météorologique européen {satellite} a été lancé avec succès {weekday} par une fusée {rocket} depuis Kourou, en Guyane, a annoncé {agency}.",
            ],
            [
                "L'engin de {mass} tonnes doit rejoindre une orbite géostationnaire à environ {orbit} kilomètres au-dessus de l'équateur, d'où il observera les nuages, les tempêtes et les températures sur l'Europe et l'Afrique.",
                "D'une masse de {mass} tonnes, {satellite} fournira depuis {orbit} kilomètres d'altitude une nouvelle image complète du disque terrestre toutes les dix minutes.",
            ],
            [
                "« Ce lancement ouvre un nouveau chapitre pour la prévision météorologique en Europe », s'est félicitée {director}, directrice de la mission. « Les prévisionnistes verront les tempêtes se former plus tôt et avec beaucoup plus de précision. »",
                "Les premiers signaux ont été captés par une station au sol peu après la séparation, a précisé {director}, directrice de la mission. « Tout fonctionne comme prévu », a-t-elle assuré.",
            ],
            [
                "La mission a coûté environ {cost} et doit durer au moins {years} ans. Le satellite embarque un détecteur d'éclairs et un instrument infrarouge capable de mesurer l'humidité à différentes altitudes.",
                "Le programme est doté d'un budget de {cost}. Les ingénieurs vont tester les instruments pendant plusieurs mois avant la diffusion des premières données, pour une mission prévue sur {years} ans.",
            ],
            [
                "Il s'agit du troisième lancement depuis Kourou cette année, et d'autres missions sont prévues au printemps.",
                "Pour les météorologues, ces données seront précieuses pour alerter la population en cas d'orages soudains, de pluies diluviennes ou de canicule.",
            ],
            [
                "Le lancement avait été reporté à deux reprises en février en raison de vents violents en altitude au-dessus du site. Les ingénieurs ont profité de ce délai pour effectuer des vérifications supplémentaires sur les panneaux solaires, qui doivent se déployer dans les prochains jours. La mise en service complète prendra environ six mois.",
                "Le satellite a été construit par un consortium d'industriels européens, avec des instruments développés dans plusieurs pays. Il remplace un engin en orbite depuis plus de quinze ans, qui arrive à court de carburant. Les services météorologiques se préparent depuis des mois à traiter les nouvelles données.",
            ],
        ],
    },
    "summit": {
        "headlines": [
            "{Countries} pays signent le {pact}",
        ],
        "slots": [
            [
                "Les ministres de {countries} pays ont signé {weekday} à {city} le {pact}, s'engageant à protéger {share} % de leurs eaux côtières d'ici {year} et à créer un fonds de {fund}.",
            ],
            [
                "L'accord impose aux signataires de créer de nouvelles aires marines protégées, où la pêche et les forages seront limités. Les progrès seront évalués tous les deux ans.",
            ],
            [
                "« Nous avons montré que les pays peuvent encore s'entendre sur ce qui compte pour les générations futures », a déclaré {host}, la ministre qui présidait la réunion.",
            ],
            [
                "Les ONG environnementales ont salué l'accord, tout en jugeant les moyens insuffisants. Les représentants de la pêche craignent des pertes d'emplois sur le littoral.",
            ],
            [
                "Le pacte entrera en vigueur après sa ratification par au moins {ratify} pays, ce que les organisateurs espèrent obtenir d'ici deux ans.",
            ],
            [
                "Les discussions ont parfois été tendues, notamment sur la manière de comptabiliser les réserves existantes et sur la sévérité des règles de pêche. Un compromis n'a été trouvé que lors de la dernière nuit, après que le pays hôte a proposé d'accorder plus de temps aux pays les plus pauvres.",
            ],
        ],
    },
}
