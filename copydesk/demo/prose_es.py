"""Spanish sentence bank: per story kind, headlines and six paragraph slots, each with variants."""

BANK: dict[str, dict[str, list]] = {
    "quake": {
        "headlines": [
            "Un terremoto de magnitud {mag} deja {dead} muertos {in_region}",
            "{Dead} muertos y {injured} heridos por un fuerte sismo cerca de {town}",
            "Fuerte sismo de magnitud {mag} cerca de {town}: al menos {dead} fallecidos",
        ],
        "slots": [
            [
                "Un terremoto de magnitud {mag} sacudió el {weekday} {in_region} y causó al menos {dead} muertos y más de {injured} heridos, según informó la protección civil. El epicentro se localizó cerca de la ciudad de {town}, a una profundidad de {depth} kilómetros.",
                "{Dead} personas murieron y {injured} resultaron heridas el {weekday} a causa de un fuerte sismo registrado {in_region}, {in_country}. Los sismólogos calcularon una magnitud de {mag} y situaron el epicentro en las inmediaciones de {town}.",
                "Al menos {dead} personas fallecieron tras un terremoto de magnitud {mag} que golpeó el {weekday} la zona de {town} {in_region}, según las autoridades, que cifraron en más de {injured} los heridos atendidos en hospitales.",
            ],
            [
                "Varios edificios antiguos del centro de {town} se derrumbaron y las carreteras que llevan a los pueblos vecinos quedaron agrietadas. Unos {displaced} vecinos pasaron la noche en tiendas de campaña y polideportivos habilitados por las autoridades.",
                "Los equipos de rescate trabajaron durante buena parte del día entre los escombros de las viviendas derrumbadas. Cerca de {displaced} personas no pueden regresar a sus casas, y los colegios de la provincia permanecerán cerrados hasta que sean revisados.",
                "Las imágenes difundidas por los vecinos mostraban fachadas desprendidas y coches sepultados bajo los escombros. Unas {displaced} personas fueron trasladadas a albergues de emergencia, y a las afueras de {town} se instaló un hospital de campaña.",
            ],
            [
                "“Nuestros equipos llegaron a todos los pueblos aislados en las primeras horas”, declaró {official}, que coordina la respuesta a la emergencia. “Ahora revisamos los edificios dañados uno por uno, y eso llevará tiempo”.",
                "“Parecía que la casa entera se levantaba y volvía a caer”, relató {witness}, de {witness_age} años, en plena calle junto a sus vecinos. {Official}, responsable del operativo de rescate, aseguró que la búsqueda continuaría durante toda la noche.",
                "{Official}, responsable de la operación de rescate, explicó a los periodistas que no había personas desaparecidas, aunque advirtió de que la cifra de heridos podría aumentar a medida que los equipos lleguen a caseríos aislados.",
            ],
            [
                "Los sismólogos registraron {aftershocks} réplicas en las horas siguientes, la más fuerte de magnitud {max_aftershock}. La zona se asienta sobre un sistema de fallas que ha provocado varios terremotos destructivos en el último siglo.",
                "La tierra siguió temblando durante todo el día: se contabilizaron {aftershocks} réplicas, entre ellas una de magnitud {max_aftershock}. Según los expertos, la escasa profundidad del sismo principal hizo que se sintiera con especial violencia.",
                "Las estaciones de monitoreo contabilizaron {aftershocks} temblores menores tras el sismo principal; el mayor, de magnitud {max_aftershock}, no causó nuevos daños, según {official_last}. Muchas viviendas rurales son anteriores a la normativa antisísmica vigente.",
            ],
            [
                "El Gobierno liberó fondos de emergencia el mismo {weekday} por la noche y prometió enviar más equipos de rescate, tiendas de campaña y plantas potabilizadoras a la zona.",
                "Las prioridades para los próximos días son revisar escuelas y hospitales, restablecer el suministro de agua y encontrar alojamiento temporal para las familias que han perdido su hogar, indicaron las autoridades.",
                "Las organizaciones humanitarias comenzaron a recoger donaciones, y voluntarios de las provincias vecinas llegaron para repartir alimentos, mantas y agua potable en {town} y los pueblos cercanos.",
            ],
            [
                "Varios ingenieros comenzaron por la tarde a inspeccionar puentes, colegios y hospitales, y marcaron los edificios dañados con carteles de colores. Según las autoridades, se tardarán varias semanas en revisar todas las viviendas de {town}, y los vecinos no deben volver a casas con grietas visibles hasta que hayan sido examinadas.",
                "Los hospitales de {town} llamaron al personal de vacaciones y aplazaron las operaciones programadas para atender a los heridos, la mayoría con fracturas y cortes provocados por la caída de escombros. Se habilitó un teléfono para los familiares que no lograban comunicarse con sus allegados.",
                "Los vecinos describieron escenas de confusión en los minutos posteriores al temblor, con gente concentrada en plazas y aparcamientos, muchos sin abrigo ni calzado. Las emisoras locales explicaron cómo cortar el suministro de gas, y la policía patrulló las calles vacías para evitar saqueos.",
            ],
        ],
    },
    "strike": {
        "headlines": [
            "Huelga {at_site}: los {workers} paran por los salarios",
            "El sindicato {union} llama a la huelga a {workers_n} {workers}",
            "{Workers} en huelga {at_site}",
        ],
        "slots": [
            [
                "Unos {workers_n} {workers} dejaron de trabajar el {weekday} {at_site} tras fracasar las negociaciones salariales con {employer}. El sindicato {union} anunció que el paro durará {duration}.",
                "El sindicato {union} convocó el {weekday} una huelga de {duration} {at_site}, a la que llamó a unos {workers_n} {workers} en un conflicto por los salarios. {Impact}",
                "Los {workers} iniciaron el {weekday} un paro {at_site}, el mayor en años, después de que {employer} se negara a mejorar su oferta salarial. El sindicato {union}, que representa a unos {workers_n} trabajadores, mantendrá la huelga durante {duration}.",
            ],
            [
                "{Impact} Las empresas que dependen de la actividad advirtieron de retrasos que podrían tardar semanas en resolverse.",
                "El sindicato reclama una subida salarial del {demand} % para compensar la inflación de los últimos años, mientras que {employer} ofrece un {offer} %. Ambas partes se acusan mutuamente de no querer ceder.",
                "En el centro del conflicto están los salarios: el sindicato exige este año un {demand} % más, muy por encima del {offer} % ofrecido, además de garantías sobre las plantillas.",
            ],
            [
                "“Nuestros afiliados han sostenido esto durante todas las crisis y están cansados de oír que no hay dinero”, dijo {leader}, portavoz del sindicato, ante la entrada principal.",
                "{Leader}, al frente del sindicato {union}, aseguró que la huelga podría desconvocarse en cuestión de horas si la empresa vuelve a la mesa con una oferta mejor. “La puerta está abierta, pero no aceptaremos perder poder adquisitivo”, afirmó {leader_last}.",
                "{Employer} lamentó las molestias, pero calificó las reivindicaciones de “sencillamente inasumibles”. {Leader}, del sindicato {union}, replicó que se trataba de una provocación y pidió una negociación seria.",
            ],
            [
                "Las organizaciones empresariales pidieron la intervención del Gobierno, mientras que varios economistas alertaron del impacto de un conflicto prolongado en unas cadenas de suministro ya tensionadas.",
                "Otros sindicatos siguen de cerca el conflicto, ya que preparan sus propias reivindicaciones salariales para los próximos meses. Según la patronal, la huelga cuesta millones cada día.",
                "Según los expertos en transporte, el momento es especialmente dañino porque muchas empresas están reponiendo existencias tras el invierno. Varias compañías anunciaron que desviarán mercancías por otras rutas.",
            ],
            [
                "El {weekday} por la noche no había ninguna reunión prevista. Un mediador designado por el Ministerio de Trabajo contactará con ambas partes en los próximos días.",
                "El sindicato amenaza con nuevos paros si no hay acuerdo, mientras que {employer} se declara dispuesta a retomar las negociaciones en cualquier momento.",
                "Ambas partes volverán a reunirse la próxima semana. El sindicato ha advertido de que convocará paros más largos si las conversaciones vuelven a fracasar.",
            ],
            [
                "El paro se suma a una serie de conflictos laborales con los que los trabajadores buscan recuperar el poder adquisitivo perdido durante los años de alta inflación. Los empresarios alegan que la productividad no ha acompañado y que grandes subidas restarían competitividad. El Gobierno se ha negado hasta ahora a intervenir directamente.",
                "Desde primera hora de la mañana se formaron piquetes en los principales accesos, y el sindicato habló de un seguimiento casi total. Se mantuvieron servicios mínimos para las operaciones esenciales, pero la mayor parte de la actividad quedó paralizada. La policía no registró incidentes durante la jornada.",
                "Clientes y proveedores tuvieron que buscar alternativas con urgencia. Los empresarios consideran que el momento no podría ser peor, con muchas compañías afectadas por una demanda débil. El sindicato asegura haber ofrecido suspender la huelga a cambio de un arbitraje independiente.",
            ],
        ],
    },
    "transfer": {
        "headlines": [
            "{Player} ficha por {to_club} a cambio de {fee} millones de euros",
            "{To_club} se hace con {player_last}",
            "{From_club} vende a {player_last} por {fee} millones",
        ],
        "slots": [
            [
                "El {position} {nationality} {player} jugará en {to_club}, que pagará {fee} millones de euros a {from_club}, según anunciaron ambos clubes el {weekday}. El jugador, de {age} años, ha firmado un contrato por {years} temporadas y se incorporará al final del curso.",
                "{To_club} ha cerrado el fichaje de {player}, uno de los jóvenes más codiciados de Europa, por {fee} millones de euros. Así lo confirmaron el {weekday} los dos clubes implicados.",
                "{From_club} ha aceptado una oferta de {fee} millones de euros de {to_club} por el {position} {player}, lo que pone fin a semanas de especulación sobre el futuro del jugador de {age} años.",
            ],
            [
                "{Player_last} suma esta temporada {goals} goles en {appearances} partidos y se ha consolidado como titular en la selección. La cifra podría aumentar con variables ligadas al rendimiento.",
                "El internacional ha disputado {appearances} partidos oficiales esta temporada, con {goals} goles. Su contrato se extiende durante {years} temporadas, con opción a una más.",
                "Con {goals} goles en {appearances} encuentros, {player_last} es uno de los futbolistas más destacados del curso. El acuerdo incluye una cláusula que garantiza a {from_club} un porcentaje de un futuro traspaso.",
            ],
            [
                "“{Player_last} tiene exactamente las cualidades que buscábamos: velocidad, inteligencia y ganas de mejorar”, afirmó {director}, director deportivo de {to_club}.",
                "“Es un sueño para mí y para mi familia”, dijo {player_last} en un vídeo difundido por su nuevo club. “Quiero dar las gracias a todos en {from_club} por su apoyo”.",
                "{Director}, que dirigió las negociaciones por parte de {to_club}, explicó que el club llevaba más de dos años siguiendo al jugador. “Estamos convencidos de que puede marcar la diferencia”, añadió.",
            ],
            [
                "Se trata de uno de los traspasos más caros de la historia de {from_club}, y la afición reaccionó en las redes sociales con una mezcla de orgullo y decepción.",
                "Otros clubes se habían interesado, pero {to_club} se movió con rapidez cuando el futbolista dejó claro que quería jugar en el extranjero. El dinero ayudará a {from_club} a cuadrar sus cuentas tras un ejercicio complicado.",
                "Durante meses, {from_club} insistió en que el jugador no estaba en venta, pero la cuantía de la oferta hizo cambiar de opinión a la directiva, según fuentes cercanas al club.",
            ],
            [
                "{Player_last} pasará el reconocimiento médico en las próximas semanas y se espera que participe en la pretemporada de su nuevo equipo en julio.",
                "Hasta entonces, {player_last} seguirá en {from_club}, que todavía pelea por una plaza europea. Su último partido en casa está previsto para mayo.",
                "El jugador será presentado ante la afición a principios del verano. {To_club} busca además reforzar su defensa para la próxima temporada.",
            ],
            [
                "El fichaje culmina una larga persecución. Los ojeadores de {to_club} habrían visto al jugador más de veinte veces esta temporada, y la propiedad aprobó el presupuesto en enero. Según su entorno, una larga conversación con el entrenador terminó de convencer al futbolista.",
                "El jugador se formó en la cantera de {from_club} y debutó con el primer equipo a los 18 años. Sus actuaciones de esta temporada le valieron la llamada de la selección, y varios grandes clubes europeos preguntaron por él antes de que {to_club} diera el paso definitivo.",
                "Para {from_club}, la venta supone el final de una época. El presidente aseguró que el dinero se reinvertirá en la plantilla y en la ciudad deportiva, y que la afición entenderá la decisión cuando conozca el proyecto para la próxima temporada.",
            ],
        ],
    },
    "fire": {
        "headlines": [
            "Un incendio destruye una {site} en {city}",
            "{Injured} heridos en el incendio de una {site} de {company} en {city}",
            "Más de {firefighters} bomberos luchan contra un gran incendio en {city}",
        ],
        "slots": [
            [
                "Un aparatoso incendio se declaró el {weekday} en una {site} de la empresa {company} en {city}, con un balance de {injured} heridos y una densa columna de humo visible desde toda la comarca. El aviso se recibió a {time}.",
                "Alrededor de {firefighters} bomberos trabajaron durante horas el {weekday} para sofocar las llamas que arrasaron buena parte de una {site} en {city}, {in_country}. {Injured} personas fueron atendidas por inhalación de humo y quemaduras leves.",
                "Dotaciones de toda la provincia acudieron el {weekday} a {city}, donde el fuego devoró una {site} propiedad de {company}. {Injured} personas resultaron heridas, ninguna de gravedad, según los bomberos.",
            ],
            [
                "El fuego se extendió por unos {area} metros cuadrados y quedó controlado al cabo de {hours} horas. Los bomberos emplearon {engines} vehículos y una autoescala para evitar que las llamas alcanzaran las naves vecinas.",
                "Unos {evacuated} vecinos recibieron la indicación de mantener puertas y ventanas cerradas, y varias calles fueron cortadas al tráfico. Se necesitaron {hours} horas para controlar el incendio.",
                "En el dispositivo participaron {engines} vehículos. Los residentes de unas {evacuated} viviendas cercanas fueron desalojados de forma preventiva mientras se medía la calidad del aire.",
            ],
            [
                "“El calor era tan intenso que tuvimos que centrarnos en proteger los edificios de alrededor”, explicó {chief}, que dirigió el operativo. “Los equipos han hecho un trabajo extraordinario en condiciones muy difíciles”.",
                "Según {chief}, al frente del operativo, la cubierta se desplomó al poco de iniciarse el fuego, lo que hizo demasiado peligroso enviar equipos al interior.",
                "“Primero solo vimos humo y de repente toda la nave estaba en llamas”, contó un trabajador de una empresa vecina que prefirió no dar su nombre. {Chief}, responsable del operativo, elogió la rápida evacuación de la plantilla.",
            ],
            [
                "Por el momento se desconocen las causas del incendio. La policía ha abierto una investigación y los peritos examinarán el lugar cuando sea seguro.",
                "{Company} indicó que todos los empleados estaban localizados y que colabora plenamente con las autoridades. Es pronto para calcular los daños, señaló un portavoz.",
                "Los investigadores no han encontrado indicios de que el fuego fuera provocado, aunque no descartan un fallo técnico. La empresa emplea a varios cientos de personas en el lugar.",
            ],
            [
                "Las mediciones no detectaron niveles peligrosos de contaminantes, aunque se recomendó a los vecinos evitar la zona durante el resto del día.",
                "La actividad quedará paralizada durante varias semanas. {Company} se comprometió a seguir pagando los salarios mientras se evalúan los daños.",
                "La carretera contigua permanecerá cortada hasta que concluyan los trabajos de limpieza, informó el ayuntamiento el {weekday} por la noche.",
            ],
            [
                "Los bomberos necesitaron varias horas más para sofocar los rescoldos en el interior del edificio. Se utilizó una grúa para derribar partes inestables de los muros y poder acceder a los últimos focos. Equipos especializados revisaron además el alcantarillado para evitar que el agua contaminada llegara a los cauces cercanos.",
                "Los vecinos oyeron fuertes explosiones, aparentemente causadas por bombonas de gas o depósitos que estallaron por el calor. Varios coches aparcados en las inmediaciones resultaron dañados por la caída de cascotes. Se habilitó un centro de acogida para los residentes desalojados.",
                "Las instalaciones habían sido inspeccionadas el año pasado, y la empresa aseguró que todos los equipos contra incendios funcionaban correctamente. Los peritos de las aseguradoras visitarán la zona en los próximos días. Las autoridades locales estudiarán si las industrias tan próximas a zonas residenciales necesitan normas más estrictas.",
            ],
        ],
    },
    "storm": {
        "headlines": [
            "{Storm} azota {region} con rachas de {gust}",
            "{Without_power} hogares sin luz por el paso de {storm}",
            "{Dead} muertos y miles de hogares sin luz {in_region}",
        ],
        "slots": [
            [
                "{Storm} barrió {region} el {weekday} con rachas de hasta {gust}, dejó sin electricidad a unos {without_power} hogares y causó {dead} muertos, según las autoridades.",
                "Árboles arrancados, tejados levantados y tendidos eléctricos en el suelo: {storm} provocó el {weekday} graves daños {in_region}. {Dead} personas murieron y {injured} resultaron heridas. La racha más fuerte, de {gust}, se registró {at_station}.",
                "Tendidos eléctricos derribados y árboles arrancados de raíz: {storm} azotó {region} el {weekday} con vientos de hasta {gust}. Unos {without_power} hogares se quedaron sin suministro y {dead} personas perdieron la vida.",
            ],
            [
                "Los servicios de emergencia atendieron más de {calls} avisos, la mayoría por caídas de árboles y daños en tejados. El tráfico ferroviario se suspendió en varias líneas y se cancelaron {cancelled} vuelos.",
                "Decenas de carreteras quedaron cortadas por la caída de árboles y se cancelaron {cancelled} vuelos en los aeropuertos de la región. Los bomberos realizaron más de {calls} intervenciones durante la noche.",
                "Los bomberos informaron de que fueron requeridos {calls} veces. Los colegios de las zonas más afectadas permanecieron cerrados, y se cancelaron {cancelled} vuelos y numerosos trenes.",
            ],
            [
                "“No habíamos visto vientos así aquí en muchos años”, señaló {forecaster}, del servicio meteorológico nacional, que recordó que el {alert} se había activado con antelación.",
                "Las autoridades pidieron a la población que no saliera de casa hasta que se levantara el {alert}. “No salgan a ver los daños; el riesgo de caída de ramas sigue siendo alto”, advirtió {forecaster}, del servicio meteorológico.",
                "{Forecaster}, del servicio meteorológico, explicó que el sistema se intensificó muy rápido a su llegada. “El viento aumentó mucho más deprisa que en un día de temporal normal”, señaló.",
            ],
            [
                "Las brigadas de reparación trabajan sin descanso, pero la compañía eléctrica advirtió de que algunos clientes de zonas aisladas podrían pasar varios días sin suministro.",
                "Las aseguradoras consideran prematuro calcular los daños, pero esperan miles de partes por tejados, ventanas y vehículos dañados.",
                "Los científicos sostienen que el calentamiento de los océanos hace más probables las tormentas intensas, aunque es difícil vincular un episodio concreto al cambio climático.",
            ],
            [
                "Se espera que el viento amaine durante la noche del {weekday}, aunque los meteorólogos alertan de lluvias intensas y riesgo de inundaciones en zonas bajas.",
                "Los pronósticos apuntan a una mejora en dos días, si bien una nueva borrasca podría llegar a principios de la próxima semana.",
                "Las autoridades locales abrieron albergues para las personas cuyas viviendas resultaron dañadas y habilitaron oficinas para registrar los daños.",
            ],
            [
                "En toda la región, el temporal dejó un rastro de destrozos: tejados de naves arrancados, andamios caídos sobre la calzada y varios campanarios dañados. En muchos municipios, voluntarios ayudaron a despejar carreteras y jardines, y las ferreterías se quedaron sin lonas ni linternas a media tarde.",
                "Según los meteorólogos, se trata de uno de los temporales más fuertes de la última década en la zona. El centro de bajas presiones se profundizó muy rápido antes de tocar tierra y generó una franja estrecha de vientos extremos. Un episodio similar causó hace unos años daños valorados en cientos de millones.",
                "Los hospitales atendieron a personas heridas por objetos arrastrados por el viento y por la caída de ramas, así como a varios vecinos que se cayeron al intentar reparar sus tejados. Los servicios de emergencia insistieron en no acercarse a los cables caídos.",
            ],
        ],
    },
    "verdict": {
        "headlines": [
            "{Years} años de cárcel para {defendant}",
            "Condenado {defendant_last} a {years} años de prisión por {charge}",
            "La justicia condena a {defendant}, {role}",
        ],
        "slots": [
            [
                "{Court} condenó el {weekday} a {defendant}, {role}, a {years} años de prisión por {charge}. El caso gira en torno a {amount}.",
                "{Defendant}, {role}, pasará {years} años en prisión. Así lo decidió el {weekday} {court}, que lo considera culpable de {charge} por valor de {amount}.",
                "La justicia ha condenado a {years} años de cárcel a {defendant}. {Court} considera probado que el acusado, de {age} años, cometió un delito de {charge} por {amount}.",
            ],
            [
                "Según la Fiscalía, {victims} personas resultaron directamente perjudicadas. El tribunal ordenó además el decomiso de bienes para recuperar parte del dinero.",
                "El juicio se prolongó durante varias semanas y por él pasaron decenas de testigos. La acusación cifró en más de {victims} el número de afectados.",
                "Los investigadores rastrearon los pagos a través de una red de sociedades en varios países. Durante la vista se acreditó que {victims} personas sufrieron perjuicios.",
            ],
            [
                "“Abusó de la confianza depositada en usted para enriquecerse”, recoge la sentencia, redactada por {judge}.",
                "La sentencia, de la que es ponente {judge}, subraya que “el daño causado va mucho más allá del dinero” y que el acusado no mostró arrepentimiento.",
                "{Defendant_last} escuchó el fallo sin inmutarse. Según la resolución, firmada por {judge}, los hechos se planificaron con detalle durante un largo periodo.",
            ],
            [
                "La defensa anunció que estudiará la sentencia y que probablemente la recurrirá. {Defendant_last} negó todas las acusaciones durante el juicio.",
                "Los abogados defensores sostuvieron que {defendant_last} desconocía las irregularidades. La sentencia no es firme y puede recurrirse.",
                "El caso despertó una gran expectación por la relevancia pública del acusado. Su defensa estudia presentar un recurso.",
            ],
            [
                "La Fiscalía se mostró satisfecha con la condena, próxima a la pena que había solicitado. En su informe final, el fiscal había subrayado el daño causado a la confianza de los ciudadanos en las instituciones.",
                "Varias asociaciones reclamaron controles más estrictos para evitar casos similares en el futuro. A su juicio, las señales de alarma se ignoraron durante años.",
                "Otras dos personas investigadas en la misma causa serán juzgadas a lo largo de este año. Ambas niegan haber participado en los hechos.",
            ],
            [
                "Durante el juicio, la acusación presentó cientos de documentos, correos electrónicos y extractos bancarios, y varios antiguos colaboradores declararon contra {defendant_last}. Los peritos de la defensa sostuvieron que las cuentas se habían llevado conforme a la práctica habitual, pero el tribunal no aceptó sus conclusiones.",
                "A la salida del tribunal, algunos de los afectados dijeron sentirse aliviados por el final del proceso, aunque recordaron que la condena no compensa sus pérdidas. Varios habían recorrido largas distancias para escuchar el fallo tras años de espera.",
                "La investigación comenzó después de que una auditoría interna detectara irregularidades en las cuentas. Los investigadores rastrearon el dinero durante años y embargaron inmuebles, vehículos y cuentas bancarias vinculados al acusado. Parte del dinero sigue sin aparecer.",
            ],
        ],
    },
    "protest": {
        "headlines": [
            "Miles de {protesters} se manifiestan en {city}",
            "{Count} {protesters} protestan en {city} contra {cause_short}",
            "Multitudinaria protesta de {protesters} en {city}",
        ],
        "slots": [
            [
                "Miles de {protesters} salieron el {weekday} a las calles de {city} para protestar contra {cause}. La policía cifró la asistencia en {count} personas; los organizadores, en {organisers_count}.",
                "Unos {count} {protesters} se manifestaron el {weekday} en {city} contra {cause}, según la policía. Los convocantes, {group}, hablaron de {organisers_count} participantes.",
                "{City} vivió el {weekday} una de sus mayores protestas en años, con miles de {protesters} movilizados contra {cause}. La policía contó {count} asistentes y la organización, {organisers_count}.",
            ],
            [
                "{Detail} La policía practicó {arrests} detenciones, aunque destacó que la marcha transcurrió en general de forma pacífica.",
                "La manifestación transcurrió sin grandes incidentes, aunque {arrests} personas fueron detenidas tras unos altercados al final del recorrido. {Detail}",
                "{Detail} Los agentes realizaron {arrests} detenciones, la mayoría por daños al mobiliario urbano, según un comunicado policial.",
            ],
            [
                "“Estamos aquí porque no nos queda otra opción”, dijo {leader}, portavoz de {group}. “Nadie en el poder nos escucha”.",
                "{Leader}, portavoz de {group}, advirtió de que la protesta es “solo el principio” y anunció nuevas movilizaciones si el Gobierno no responde.",
                "“Se nos ha acabado la paciencia”, proclamó {leader}, de {group}, desde el escenario. “Si hoy nos ignoran, volveremos, y seremos más”.",
            ],
            [
                "El Gobierno dijo comprender la preocupación, pero defendió su postura y calificó sus planes de necesarios y equilibrados.",
                "Varios dirigentes de la oposición se sumaron a la marcha y expresaron su apoyo a las reivindicaciones en las redes sociales.",
                "La protesta es la última de una serie de movilizaciones en los últimos meses. Las anteriores habían reunido a menos gente.",
            ],
            [
                "Los organizadores decidirán la semana próxima si convocan nuevas protestas. Mientras tanto, han pedido a sus simpatizantes que se mantengan movilizados y han solicitado una reunión con el Gobierno.",
                "Está previsto que los convocantes y el Gobierno se reúnan a finales de mes, aunque ambas partes anticipan una negociación difícil.",
                "{Group} ha anunciado movilizaciones en otras ciudades en las próximas semanas si no se atienden sus demandas.",
            ],
            [
                "La policía desplegó a varios cientos de agentes y cortó numerosas calles del centro durante toda la jornada. Los autobuses urbanos fueron desviados y algunos comercios del recorrido mantuvieron la persiana bajada. El tráfico en los barrios cercanos fue muy complicado hasta la noche.",
                "Muchos participantes habían llegado de otras provincias, algunos en autobuses fletados que salieron antes del amanecer. En el acto final intervinieron representantes de otras organizaciones, que expresaron su apoyo y prometieron sumarse a nuevas movilizaciones.",
                "La manifestación llega tras semanas de acciones locales, con recogidas de firmas y reuniones con representantes políticos. Los organizadores aseguran haber reunido decenas de miles de firmas, que entregarán a las autoridades en los próximos días.",
            ],
        ],
    },
    "launch": {
        "headlines": [
            "Europa lanza desde Kurú el satélite meteorológico {satellite}",
        ],
        "slots": [
            [
                "Un cohete {rocket} despegó el {weekday} a {time}, hora local, de la base de Kurú, en la Guayana Francesa, con el satélite meteorológico europeo {satellite} a bordo. La separación se produjo {minutes} minutos después.",
            ],
            [
                "El aparato, de {mass} toneladas, se dirige a una órbita geoestacionaria a unos {orbit} kilómetros sobre el ecuador, desde donde vigilará nubes, tormentas y temperaturas sobre Europa y África.",
            ],
            [
                "“Este lanzamiento abre un nuevo capítulo para la predicción del tiempo en Europa”, afirmó la directora de la misión, {director}. “Veremos formarse las tormentas antes y con mucho más detalle”.",
            ],
            [
                "La misión ha costado unos {cost} y tendrá una duración mínima de {years} años. El satélite lleva un detector de rayos y un instrumento infrarrojo capaz de medir la humedad a distintas alturas.",
            ],
            [
                "Durante los próximos meses, los ingenieros probarán los instrumentos antes de que los servicios meteorológicos reciban los primeros datos.",
            ],
            [
                "El lanzamiento se había aplazado dos veces en febrero por los fuertes vientos en altura. Los ingenieros aprovecharon el retraso para realizar comprobaciones adicionales en los paneles solares, que se desplegarán en los próximos días. El satélite sustituye a un aparato con más de quince años en órbita que se está quedando sin combustible.",
            ],
        ],
    },
    "summit": {
        "headlines": [
            "{Countries} países firman en {city} un pacto para proteger los océanos",
        ],
        "slots": [
            [
                "Ministros de {countries} países firmaron el {weekday} en {city} el {pact}, por el que se comprometen a proteger el {share} % de sus aguas costeras antes de {year} y a crear un fondo de {fund}.",
            ],
            [
                "El acuerdo obliga a los firmantes a crear nuevas áreas marinas protegidas en las que se limitarán la pesca y las perforaciones. Los avances se revisarán cada dos años.",
            ],
            [
                "“Hemos demostrado que los países todavía pueden ponerse de acuerdo en algo que importa a las próximas generaciones”, dijo la ministra anfitriona, {host}.",
            ],
            [
                "Las organizaciones ecologistas celebraron el acuerdo, aunque consideran insuficientes los fondos. El sector pesquero teme la pérdida de empleos en la costa.",
            ],
            [
                "El pacto entrará en vigor cuando lo ratifiquen al menos {ratify} países, algo que los organizadores esperan lograr en dos años.",
            ],
            [
                "Las negociaciones fueron difíciles en algunos momentos, sobre todo en torno a cómo contabilizar las reservas existentes y a la dureza de las normas de pesca. El acuerdo llegó en la última noche, después de que el país anfitrión propusiera dar más tiempo a los países más pobres.",
            ],
        ],
    },
}
