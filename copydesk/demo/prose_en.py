"""English sentence bank: per story kind, headlines and six paragraph slots, each with variants."""

BANK: dict[str, dict[str, list]] = {
    "quake": {
        "headlines": [
            "Magnitude {mag} earthquake kills {dead} in {region}",
            "{Dead} dead, {injured} injured as earthquake strikes near {town}",
            "Strong earthquake shakes {region}, leaving {displaced} homeless",
        ],
        "slots": [
            [
                "An earthquake of magnitude {mag} struck {region} at {time} on {weekday}, killing {dead} people and injuring at least {injured}, the civil protection authorities said. The epicentre was located near the town of {town} at a depth of {depth} kilometres.",
                "{Dead} people were killed and {injured} were injured when a strong earthquake shook {region} {in_country} on {weekday}. Seismologists put the magnitude at {mag} and located the quake close to {town}, about {depth} kilometres below the surface.",
                "At least {dead} people died after a magnitude {mag} earthquake hit the area around {town} {in_region} on {weekday}, officials said, and more than {injured} others needed hospital treatment.",
            ],
            [
                "The tremor brought down several older buildings in the centre of {town} and cracked roads leading into the surrounding hills. Around {displaced} residents spent the night in tents and sports halls set up by the authorities.",
                "Rescue teams searched the rubble of collapsed houses for most of the day. About {displaced} people could not return to their homes, and schools across the province were ordered to stay closed until engineers had inspected them.",
                "Pictures shared by residents showed facades torn from apartment blocks and cars buried under masonry. Some {displaced} people were moved to emergency shelters, while a field hospital was set up on the edge of {town}.",
            ],
            [
                "“Our teams reached every village that had been cut off within the first hours,” said {official}, who is coordinating the emergency response. “We are now checking damaged buildings one by one, and that will take time.”",
                "“It felt as if the whole house was being lifted up and dropped again,” said {witness}, {witness_age}, who ran into the street with neighbours. “Everything fell off the shelves in a few seconds.” {Official}, who leads the rescue effort, said the search would continue through the night.",
                "{Official}, the official in charge of the rescue operation, told reporters that nobody was believed to be missing, but warned that the number of injured could still rise as teams reached remote farms and hamlets.",
            ],
            [
                "Seismologists recorded {aftershocks} aftershocks in the following hours, the strongest with a magnitude of {max_aftershock}. The area sits on a fault system that has produced several destructive earthquakes over the past century.",
                "The ground kept shaking throughout the day, with {aftershocks} aftershocks registered, including one of magnitude {max_aftershock}. Experts said the relatively shallow depth of the main shock made it feel particularly violent at the surface.",
                "Monitoring stations counted {aftershocks} smaller tremors after the main shock; the largest, of magnitude {max_aftershock}, caused no further damage, {official_last} said. Building rules were tightened after earlier disasters, but many rural houses predate them.",
            ],
            [
                "The national government released emergency funds on {weekday} evening and promised to send more rescue teams, tents and water purification units to {region}.",
                "Officials said the priorities for the coming days were to inspect schools and hospitals, restore water supplies and find temporary housing for the families who lost their homes.",
                "Aid organisations began collecting donations, and volunteers from neighbouring provinces arrived to help hand out food, blankets and drinking water in {town} and the surrounding villages.",
            ],
            [
                "Engineers from the national building authority began inspecting bridges, schools and hospitals in the afternoon, marking damaged structures with coloured signs. Officials said it would take several weeks to assess every building in {town}, and that residents should not re-enter houses with visible cracks until they had been checked. Telephone networks were partly down for several hours after the quake.",
                "The authorities set up a hotline for relatives trying to reach family members in the affected villages, and mobile phone operators gave free credit to customers in the area. Hospitals in {town} called in off-duty staff and postponed routine operations to make room for the injured, most of whom suffered fractures and cuts from falling debris.",
                "Residents described scenes of confusion in the minutes after the tremor, as people gathered in squares and car parks, many without coats or shoes. Local radio stations broadcast advice on how to shut off gas supplies, and police patrolled empty streets to prevent looting. Several churches and a small museum in {town} were also damaged.",
            ],
        ],
    },
    "strike": {
        "headlines": [
            "{Workers} {at_site} walk out in pay dispute",
            "Strike by {workers_n} {workers} disrupts {site}",
            "{Union} strike brings {site} to a halt",
        ],
        "slots": [
            [
                "Around {workers_n} {workers} {at_site} stopped work on {weekday} after pay talks with {employer} broke down, bringing large parts of the operation to a standstill. The {union} union said the walkout would last {duration}.",
                "A strike by {workers} {at_site} began on {weekday}, with the {union} union calling out some {workers_n} members for {duration} in a dispute over wages. {Impact}",
                "{Workers} {at_site} walked off the job on {weekday} in the biggest stoppage in years, after {employer} refused to improve its pay offer. The {union} union, which represents about {workers_n} workers, said the action would continue for {duration}.",
            ],
            [
                "{Impact} Companies that depend on the site warned of delays that could take weeks to clear even after work resumes.",
                "The union is demanding a pay rise of {demand}% to make up for years of high inflation, while {employer} has offered {offer}%. Both sides accused each other of refusing to compromise.",
                "At the heart of the dispute is pay: the {union} wants {demand}% more for its members this year, well above the {offer}% on the table, as well as guarantees on staffing levels.",
            ],
            [
                "“Our members have kept this place running through every crisis, and they are tired of being told there is no money,” {leader}, the union's lead negotiator, told a rally outside the main gate.",
                "“We regret the disruption, but the union's demands are simply not affordable,” {employer} said in a statement, adding that its offer of {offer}% was among the best in the sector. {Leader_last}, who leads the union side, dismissed the statement as a provocation.",
                "{Leader}, who leads the {union}, said the strike could be called off within hours if management returned to the table with a better offer. “The door is open, but we will not accept a pay cut in real terms,” {leader_last} said.",
            ],
            [
                "Employers' groups urged the government to intervene, while economists said a prolonged stoppage could hit supply chains that are already strained by higher transport costs.",
                "The dispute is being closely watched by other unions, which are preparing their own wage demands for the coming months. Business associations warned that the strike was costing companies millions every day.",
                "Transport analysts said the timing was particularly damaging because many firms were rebuilding their stocks after the winter. Several companies said they were diverting goods to other routes where possible.",
            ],
            [
                "No new talks had been scheduled by {weekday} evening. A mediator appointed by the labour ministry said she would contact both sides in the coming days.",
                "Union officials said further strikes could follow if no agreement is reached, while {employer} said it was ready to resume negotiations at any time.",
                "Both sides are due to meet again next week. The union has warned that it will call longer stoppages if the talks fail again.",
            ],
            [
                "The walkout is the latest in a string of labour disputes over wages, as workers try to recover the purchasing power they lost during years of high inflation. Employers say productivity has not kept pace and that large pay rises would make them less competitive. The government has so far refused to intervene directly, saying the two sides must settle the dispute themselves.",
                "Picket lines formed at the main entrances early in the morning, and union officials said support for the action was almost total. {Employer} said a skeleton service was being maintained for essential operations, but acknowledged that most activity had come to a halt. Police reported no incidents, and the mood among the strikers was described as calm but determined.",
                "Customers and suppliers were left scrambling to make other arrangements. Business leaders said the timing could hardly be worse, as many companies were already struggling with weak demand. The union said it had offered to suspend the action if {employer} agreed to independent arbitration, an offer that had not been accepted by the evening.",
            ],
        ],
    },
    "rates": {
        "headlines": [
            "{Bank_head} {decision_short}",
            "{Bank_head} {decision_short} as inflation eases to {inflation}%",
            "{Bank_head} {decision_short}, signals caution on next move",
        ],
        "slots": [
            [
                "{Bank} {decision} on {weekday}, a move that most economists had expected after inflation slowed to {inflation}% in February.",
                "Policymakers at {bank} {decision} on {weekday}. The board voted {votes} in favour of the decision, according to a statement published after the meeting.",
                "{Bank} {decision} on {weekday} and said it would keep a close eye on wages and energy prices in the months ahead.",
            ],
            [
                "Inflation {in_country} slowed to {inflation}% in February, within reach of the bank's {target}% target, while economic growth has been weak for several quarters.",
                "Consumer prices rose by {inflation}% in the year to February, official figures showed last week, compared with the central bank's target of {target}%. Retail sales and industrial output have both disappointed in recent months.",
                "The latest data showed annual inflation at {inflation}%, close to the {target}% goal, giving policymakers more room to focus on the sluggish economy.",
            ],
            [
                "“We see the risks to inflation as broadly balanced, but we will not hesitate to act if the outlook changes,” Governor {governor} told a news conference in {city}.",
                "Governor {governor} said the board had discussed a range of options. “The decision reflects our assessment that price pressures are easing, but the job is not finished,” {governor_last} said.",
                "{Governor}, who has led the bank since 2024, said future decisions would depend on incoming data. “We are not on a pre-set path,” {governor_last} told reporters in {city}.",
            ],
            [
                "The {currency} was little changed after the announcement, and government bond yields edged lower. Markets had almost fully priced in the decision before the meeting.",
                "Analysts said the statement sounded more cautious than in January, and several banks pushed back their forecasts for the next move. The {currency} strengthened slightly against the US dollar.",
                "Economists polled before the meeting had been almost unanimous in their expectations. Some said the bank was likely to stay on hold for longer because of strong wage growth.",
            ],
            [
                "The next policy meeting is scheduled for {next_meeting}, when the bank will also publish new forecasts for growth and inflation.",
                "Financial markets now expect {bank_short} to wait until at least {next_meeting} before changing rates again, according to pricing in interest rate futures.",
                "The board meets again in {next_meeting}. Economists will watch closely whether it revises its forecasts in light of weaker global demand.",
            ],
            [
                "The decision comes at a delicate moment for the economy. Household spending has been held back by high borrowing costs, and companies complain that expensive credit is delaying investment. At the same time, wage growth remains strong, and policymakers have warned that moving too quickly could allow inflation to pick up again later in the year.",
                "Lenders are expected to adjust their mortgage rates in the coming days. Property market analysts said the decision would be watched closely by first-time buyers in {city}, where house prices remain far above their long-term average relative to incomes. Savers, by contrast, face lower returns on deposits if borrowing costs keep falling.",
                "The statement said the board had discussed the outlook for energy prices, global trade and public finances in detail. It noted that risks from abroad had increased and that the economy was likely to grow only modestly this year. Economists said the tone suggested policymakers were in no hurry to change course again.",
            ],
        ],
    },
    "transfer": {
        "headlines": [
            "{Player} agrees €{fee}m move from {from_club} to {to_club}",
            "{To_club} sign {nationality} {position} {player_last} for €{fee} million",
            "{Player_last} completes switch to {to_club}",
        ],
        "slots": [
            [
                "{To_club} have agreed to sign {nationality} {position} {player} from {from_club} for a fee of €{fee} million, the clubs announced on {weekday}. The {age}-year-old has signed a {years_adj} contract and will join at the end of the season.",
                "{Player}, one of the most sought-after young players in Europe, is leaving {from_club} for {to_club} in a deal worth €{fee} million, both clubs confirmed on {weekday}.",
                "{From_club} have accepted an offer of €{fee} million from {to_club} for {position} {player}, ending weeks of speculation about the {age}-year-old's future.",
            ],
            [
                "{Player_last} has scored {goals} goals in {appearances} appearances this season and has become a regular for the national team. The fee could rise further through performance-related bonuses.",
                "The {nationality} international signed a contract running for {years} years, with an option for a further season. He has made {appearances} appearances and scored {goals} goals in all competitions this season.",
                "With {goals} goals from {appearances} matches, {player_last} has been one of the outstanding performers of the campaign. The deal includes a sell-on clause that gives {from_club} a share of any future transfer fee.",
            ],
            [
                "“{Player_last} has exactly the qualities we were looking for: pace, intelligence and a hunger to improve,” said {director}, the sporting director of {to_club}.",
                "“This is a dream for me and my family,” {player_last} said in a video released by his new club. “I want to thank everyone at {from_club} for the support they have given me.”",
                "{Director}, who led the negotiations for {to_club}, said the club had followed the player for more than two years. “We are convinced he can make the difference for us,” {director_last} said.",
            ],
            [
                "The transfer is one of the most expensive in the history of {from_club}, and supporters reacted with a mixture of pride and disappointment on social media.",
                "Several other clubs had shown interest, but {to_club} moved quickly after the player made clear he wanted to play abroad. The fee will help {from_club} balance its books after a difficult financial year.",
                "{From_club} had insisted for months that the player was not for sale, but the size of the offer changed the board's mind, according to people close to the club.",
            ],
            [
                "{Player_last} will undergo a medical in the coming weeks and is expected to take part in the pre-season training camp of {to_club} in July.",
                "Until then, {player_last} will remain with {from_club}, who are still competing for a European place. His last home match is scheduled for May.",
                "The player is due to be presented to supporters at the start of the summer. {To_club} are also looking to strengthen their defence before next season.",
            ],
            [
                "The deal ends a long pursuit. Scouts from {to_club} are said to have watched the player more than twenty times this season, and the club's owners approved the budget for the transfer in January. The player's agents had held talks with several clubs, but he is understood to have been convinced by a long conversation with the head coach.",
                "The player came through the youth academy of {from_club} and made his first-team debut at the age of eighteen. His performances this season earned him a call-up to the national team and a string of awards, and several of Europe's biggest clubs were reported to have made enquiries before {to_club} moved decisively.",
                "For {from_club}, the sale marks the end of an era. The club's chairman said the money would be reinvested in the squad and the training ground, and that supporters would understand the decision once they saw the plans for next season. Fan groups said they were sad to see the player go but wished him well.",
            ],
        ],
    },
    "election": {
        "headlines": [
            "{Winner} wins {office}",
            "{Winner_last} wins {office} with {share}% of the vote",
            "Voters in {place} hand victory to {winner}",
        ],
        "slots": [
            [
                "{Winner} {of_party} won {office} on {weekday} with {share}% of the vote, defeating {rival} {rival_of_party}, who took {rival_share}%.",
                "Voters in {place} handed victory to {winner} on {weekday}, giving {party} a result that party officials called historic. {Winner_last} won {share}% of the vote against {rival_share}% for {rival}.",
                "{Winner} won {office} after a closely watched campaign, the final results published on {weekday} showed. {Winner_last} received {share}% of the votes, ahead of {rival} on {rival_share}%.",
            ],
            [
                "Turnout was {turnout}%, slightly higher than at the last comparable vote, with strong participation among younger voters in the urban districts.",
                "Only {turnout}% of registered voters cast a ballot, but the margin of victory was clear in almost every district, according to the official count.",
                "Turnout reached {turnout}%. {Rival_last} did best in the rural areas, while {winner_last} dominated in the towns.",
            ],
            [
                "“Tonight the voters have chosen change, and I intend to deliver it from the first day,” {winner_last} told supporters at the party's election night event.",
                "{Rival} conceded defeat shortly after the results were announced. “The voters have spoken, and I congratulate {winner_last} on a clear victory,” {rival_last} said.",
                "“This result belongs to the volunteers who knocked on thousands of doors,” {winner_last} said in a brief speech, promising to focus on housing and public transport.",
            ],
            [
                "The campaign was dominated by housing costs, traffic and the state of local public services. {Party} had campaigned on a promise to build more affordable homes.",
                "Political analysts said the result reflected frustration with the established parties and a strong local campaign. It is likely to be read as a test of the government's popularity.",
                "The vote was called after the previous office holder stepped down last year. Opinion polls had suggested a tight race until the final weeks of the campaign.",
            ],
            [
                "{Winner_last} is due to take office later this month and will present a first programme before the summer.",
                "The new office holder will be formally sworn in within the next few weeks. {Rival_last} said the defeated camp would remain a constructive opposition.",
                "Party leaders from across the country sent their congratulations on {weekday} evening, and the result is expected to shape the debate ahead of the next national election.",
            ],
            [
                "Counting went on late into the night in some districts, and the final result was only confirmed after postal votes had been added. Observers from the electoral commission said the vote had been conducted smoothly, with only minor problems at a handful of polling stations where ballot papers briefly ran short.",
                "During the campaign, the two main candidates took part in a series of televised debates on housing, public transport and local taxes. {Winner_last} promised to freeze some local charges for two years and to speed up planning decisions, while {rival_last} campaigned on experience and careful management of public money.",
                "Supporters gathered outside the campaign headquarters as the results came in, cheering each new update from the count. Party officials said the outcome showed that voters wanted a new approach, while opponents argued that the result in several districts meant the new office holder would need to build broad support.",
            ],
        ],
    },
    "fire": {
        "headlines": [
            "Fire destroys {site} in {city}",
            "Blaze at {company} {site} in {city} injures {injured}",
            "{Firefighters} firefighters battle huge fire in {city}",
        ],
        "slots": [
            [
                "A large fire broke out at a {site} operated by {company} in {city} on {weekday}, injuring {injured} people and sending a thick column of smoke over the area. The alarm was raised at {time}.",
                "About {firefighters} firefighters spent hours fighting a blaze that destroyed large parts of a {site} in {city} {in_country} on {weekday}. {Injured} people were treated for smoke inhalation and minor burns.",
                "Fire crews from across the region were called to {city} on {weekday} after flames engulfed a {site} belonging to {company}. {Injured} people were injured, none of them seriously, according to the fire service.",
            ],
            [
                "The fire spread over an area of about {area} square metres and was brought under control after {hours} hours. Crews used {engines} engines and an aerial platform to stop the flames from reaching neighbouring buildings.",
                "Around {evacuated} people living nearby were told to keep windows and doors closed, and several streets were cordoned off. It took {hours} hours to bring the flames under control.",
                "{Engines} fire engines were deployed. Residents of about {evacuated} nearby homes were temporarily evacuated as a precaution while specialists measured air quality.",
            ],
            [
                "“The heat was so intense that we had to concentrate on protecting the surrounding buildings,” said {chief}, who led the operation. “Our crews did an outstanding job in very difficult conditions.”",
                "{Chief}, the fire officer in charge, said the roof of the building had collapsed early in the operation, which made it too dangerous to send crews inside.",
                "“At first we saw only smoke, and then the whole hall was in flames,” said a worker from a neighbouring company who did not want to be named. {Chief_last}, the fire officer in charge, praised the quick evacuation of the staff.",
            ],
            [
                "The cause of the fire was not immediately known. Police have opened an investigation, and experts are due to inspect the site once it has been declared safe.",
                "{Company} said all employees had been accounted for and that it was cooperating fully with the authorities. It was too early to estimate the damage, a spokesperson said.",
                "Investigators said they had found no evidence of arson so far, but a technical fault has not been ruled out. The company employs several hundred people at the site.",
            ],
            [
                "Environmental officials said air measurements had not shown dangerous levels of pollutants, but residents were advised to avoid the area for the rest of the day.",
                "Production at the site is expected to be halted for several weeks. {Company} said it would continue to pay its staff while the damage was assessed.",
                "The road next to the site is expected to remain closed until the clean-up is complete, the city authorities said on {weekday} evening.",
            ],
            [
                "It took firefighters several more hours to put out pockets of smouldering material inside the building. A crane was brought in to pull down unstable sections of wall so that crews could reach the remaining hotspots. Specialist units also checked the drains to make sure that contaminated water used to fight the fire did not reach nearby streams.",
                "Neighbours said they heard loud bangs, apparently caused by gas cylinders or containers exploding in the heat. Several cars parked near the site were damaged by falling debris. Nearby schools kept children indoors during breaks as a precaution, and a reception centre was opened for residents who had been asked to leave their homes.",
                "The site had been inspected by the authorities last year, and the company said all fire safety equipment had been in working order. Insurance assessors are expected to visit in the coming days. Local officials said they would review whether industrial sites so close to homes needed stricter rules.",
            ],
        ],
    },
    "storm": {
        "headlines": [
            "{Storm} brings gusts of {gust} to {region}",
            "{Without_power} homes without power as {storm} batters {region}",
            "{Dead} dead as violent storm sweeps across {region}",
        ],
        "slots": [
            [
                "{Storm} swept across {region} on {weekday} with gusts of up to {gust}, leaving about {without_power} homes without electricity and killing {dead} people, the authorities said.",
                "{Dead} people were killed and {injured} injured as a violent storm hit {region} on {weekday}. The strongest gust, {gust}, was recorded {at_station}.",
                "Power lines were torn down and trees uprooted across {region} on {weekday} as {storm} brought winds of up to {gust}. About {without_power} households lost power, and {dead} people died.",
            ],
            [
                "Emergency services responded to more than {calls} calls, most of them about fallen trees and damaged roofs. Rail traffic was suspended on several lines, and {cancelled} flights were cancelled.",
                "Fallen trees blocked dozens of roads, and {cancelled} flights were cancelled at regional airports. Firefighters carried out more than {calls} operations during the night.",
                "The fire service said it had been called out {calls} times. Schools in the worst-hit areas stayed closed, and {cancelled} flights and many train services were cancelled.",
            ],
            [
                "“We have not seen winds like this here for many years,” said forecaster {forecaster}, who added that the weather service had issued a {alert} well in advance.",
                "{Forecaster}, a meteorologist with the national weather service, said the system had intensified rapidly as it moved in. “The wind picked up much faster than on a normal stormy day,” {forecaster_last} said.",
                "Officials urged people to stay indoors until the {alert} was lifted. “Please do not go out to look at the damage; the risk of falling branches is still high,” said {forecaster}, a meteorologist with the weather service.",
            ],
            [
                "Repair crews were working around the clock, but the network operator said some customers in remote areas could be without power for several days.",
                "Insurance companies said it was too early to estimate the cost of the damage, but several expected thousands of claims for broken roofs, windows and vehicles.",
                "Scientists say warmer seas are making intense storms more likely, although individual events cannot easily be linked to climate change.",
            ],
            [
                "The wind was expected to ease by {weekday} night, but forecasters warned of heavy rain and the risk of flooding in low-lying areas.",
                "Forecasters said calmer weather should return within two days, although another low-pressure system could arrive early next week.",
                "Local authorities opened emergency shelters for people whose homes were damaged and set up centres where residents can report their losses.",
            ],
            [
                "Across the region, the storm left a trail of damage: roofs were torn from barns and garages, scaffolding collapsed onto streets and several churches lost parts of their towers. In many towns, volunteers helped clear debris from roads and gardens, and hardware shops ran out of torches, batteries and tarpaulins by the afternoon.",
                "Hospitals treated people hurt by flying debris and falling branches, as well as several who had fallen while trying to repair damage to their homes. Emergency services repeated warnings not to approach fallen power lines and urged drivers to avoid unnecessary journeys until the roads had been cleared.",
                "Meteorologists said the storm was one of the strongest to hit the area in the past decade. Its centre deepened quickly before reaching land, producing a narrow band of extremely strong winds. A similar storm several years ago caused damage estimated in the hundreds of millions.",
            ],
        ],
    },
    "jobcuts": {
        "headlines": [
            "{Company} to cut {jobs} jobs in {city}",
            "{Jobs} jobs to go as {company} restructures",
            "Job cuts at {company} hit {city} hard",
        ],
        "slots": [
            [
                "{Company} will cut {jobs} jobs at its {site} in {city}, the company said on {weekday}, citing {reason}. The cuts are to be completed {deadline}.",
                "About {jobs} employees of {company} in {city} are set to lose their jobs, after the company announced on {weekday} a restructuring plan that it blamed on {reason}.",
                "{Company} announced on {weekday} that it would eliminate {jobs} of the {staff} jobs at its {site} in {city}, in one of the largest job cuts in the region in recent years.",
            ],
            [
                "The site currently employs {staff} people. Management said it would try to avoid compulsory redundancies by offering early retirement and voluntary departure packages.",
                "The company, which employs {staff} people in {city}, said it had to adapt to {reason}. Talks with employee representatives on the details of the plan will start next week.",
                "Employee representatives were informed at a meeting on {weekday} morning. The company said the cuts would take place {deadline} and that severance terms would be negotiated.",
            ],
            [
                "“This is a hard day for our employees and their families,” chief executive {ceo} said in a statement. “But these steps are necessary to secure the long-term future of the company.”",
                "{Union_rep} of the {union} union called the decision a slap in the face for a workforce that had delivered record results, and said staff would fight the plan.",
                "“We have been told nothing about how the company intends to use the site in the future,” said {union_rep}, who represents employees for the {union}. “People deserve clarity now.”",
            ],
            [
                "The announcement comes as several large employers in the sector have trimmed their workforces. Local politicians called for talks with the company to save as many jobs as possible.",
                "{Company} reported lower profits last year and said in February that it was reviewing its costs. Its shares rose slightly after the announcement.",
                "The job cuts are a blow to {city}, where the company is one of the biggest private employers. Business groups warned that suppliers and local shops would also be affected.",
            ],
            [
                "The regional government said it would set up a task force to help affected workers find new jobs and to attract new investors to the area.",
                "Unions have called a meeting of employees for next week and have not ruled out strike action if the company does not change its plans.",
                "Negotiations on a social plan are expected to last several months. {Ceo_last} said the company would remain present in {city}.",
            ],
            [
                "The company had already reduced its workforce in other countries over the past two years and moved some activities to cheaper locations. Analysts said the cuts reflected pressure from investors to improve margins. Former employees said morale at the site had been low for months because of uncertainty about its future.",
                "Local businesses fear the knock-on effect of the job losses. Suppliers, canteen operators, cleaning firms and hauliers all depend on the site, and the local chamber of commerce estimated that for every job lost at {company}, at least one more could disappear in the region.",
                "Employees who learned about the plans at a staff meeting described the mood as shocked and angry. Many have worked for the company for decades, and some said they had hoped that a recent investment programme meant the site was safe. The job centre in {city} said it would set up special advice sessions.",
            ],
        ],
    },
    "recall": {
        "headlines": [
            "{Company} recalls {units} {product}",
            "{Company} recall: {units} {product} affected",
            "{Company} issues recall over {defect_short}",
        ],
        "slots": [
            [
                "{Company} is recalling {units} {product} because {defect}, the company said on {weekday}. The recall covers {countries} countries.",
                "{Company} has ordered the recall of {units} {product} after discovering that {defect}. The company made the announcement on {weekday} in coordination with {authority}.",
                "Around {units} {product} are being recalled by {company}, the company announced on {weekday}, warning that {defect}.",
            ],
            [
                "The problem came to light after {incidents} reports from customers, the company said. No injuries have been reported so far.",
                "The company said it was aware of {incidents} cases in which the fault had occurred. {Authority} has been informed and is monitoring the recall.",
                "According to {authority}, {incidents} incidents have been recorded. The affected products were sold in {countries} countries.",
            ],
            [
                "“The safety of our customers has absolute priority,” said {spokesperson}, a spokesperson for the company. “We are taking this step as a precaution.”",
                "{Spokesperson}, a spokesperson for {company}, apologised to customers for the inconvenience and said the company had identified the cause of the problem.",
                "“We have found the cause, and a solution is ready,” said {spokesperson}, who speaks for {company}. “Customers do not need to take any risks.”",
            ],
            [
                "{Action} The company did not say how much the recall would cost. It said it expected most affected customers to be contacted within a few weeks.",
                "{Action} A hotline has been set up for customers with questions. The company said it would publish updates on its website.",
                "Consumer organisations welcomed the quick reaction but called for stricter checks before products reach the market. {Action}",
            ],
            [
                "Analysts said the recall was unlikely to have a major financial impact on {company}, but it could damage the reputation of the brand at a sensitive time.",
                "{Authority} said it would review whether further measures were needed. The company expects to complete the recall within a few months.",
                "It is not the first recall in the sector this year, and regulators have recently stepped up their checks on manufacturers.",
            ],
            [
                "Customers can check whether their product is affected by entering a batch or serial number on the company's website. The company said it had informed retailers and that the affected items had been removed from sale. Consumer advocates advised customers to keep receipts and documentation in case questions arose later.",
                "Recalls of this kind are usually triggered by internal quality checks or by reports from customers and regulators. Experts said the company had acted relatively quickly, but that it was important to find out how the problem had gone unnoticed during production and testing.",
                "The recall adds to a difficult period for {company}, which has faced rising costs and strong competition. Industry observers said the way the company handled the recall would matter for the trust of its customers, particularly if more cases came to light in the coming weeks.",
            ],
        ],
    },
    "verdict": {
        "headlines": [
            "{Defendant} jailed for {years} years over {charge}",
            "{Defendant_last} sentenced to {years} years in {amount} {charge} case",
            "{Years} years in prison for {defendant}",
        ],
        "slots": [
            [
                "{Court} sentenced {defendant}, {role}, to {years} years in prison on {weekday} for {charge} involving {amount}.",
                "{Defendant}, {role}, was sentenced on {weekday} to {years} years in prison after being found guilty of {charge}. Prosecutors said the case involved {amount}.",
                "A court has jailed {defendant} for {years} years, ruling that the {age}-year-old, {role}, was guilty of {charge}. The verdict was handed down on {weekday} by {court}.",
            ],
            [
                "According to the prosecution, {victims} people were directly affected. The court also ordered the seizure of assets to recover part of the missing money.",
                "The trial lasted several weeks and heard evidence from dozens of witnesses. Prosecutors said more than {victims} people had been affected.",
                "Investigators traced payments through a network of companies in several countries. The court heard that {victims} people had been harmed.",
            ],
            [
                "“You abused the trust placed in you for your own enrichment,” Judge {judge} told the defendant as the sentence was read out.",
                "“The damage caused goes far beyond the money involved,” said the presiding judge, {judge}, adding that the defendant had shown no remorse.",
                "{Defendant_last} showed no visible reaction as the verdict was read. Judge {judge} said the offences had been planned carefully over a long period.",
            ],
            [
                "Defence lawyers said they would study the ruling and were likely to appeal. {Defendant_last} had denied all the charges throughout the trial.",
                "The defence had argued that {defendant_last} was unaware of the irregularities. The verdict can be appealed. Lawyers have a few weeks to decide whether to lodge an appeal.",
                "The case attracted wide attention because of the public profile of the defendant. Lawyers for {defendant_last} said an appeal was being considered.",
            ],
            [
                "Prosecutors said they were satisfied with the sentence, which was close to what they had requested at the end of the trial.",
                "Campaigners called for tighter supervision to prevent similar cases in the future, saying warning signs had been ignored for years.",
                "Two other people charged in connection with the case are due to stand trial later this year, prosecutors said on {weekday}.",
            ],
            [
                "During the trial, prosecutors presented hundreds of documents, emails and bank statements, and several former colleagues gave evidence against {defendant_last}. The defence called expert witnesses who argued that the accounts had been kept in line with normal practice, but the court rejected their conclusions.",
                "Outside the courtroom, some of those affected said they were relieved that the trial was over but that no sentence could make up for their losses. Several had travelled long distances to hear the verdict, and some said they had waited years for the case to come to court.",
                "The investigation began after an internal audit found discrepancies in the accounts. Investigators spent several years tracing the money and seized property, vehicles and bank accounts linked to {defendant_last}. Part of the money has still not been recovered.",
            ],
        ],
    },
    "theft": {
        "headlines": [
            "Thieves steal {items_short} worth {value} in {city}",
            "Daring raid on {venue} in {city}",
            "{Value} haul: police hunt thieves after raid in {city}",
        ],
        "slots": [
            [
                "Thieves stole {items} {from_venue} in {city} at {time} on {weekday}, police said. The stolen goods are estimated to be worth {value}.",
                "Police in {city} are searching for {thieves} suspects who broke into {venue} on {weekday} and escaped with {items} worth about {value}.",
                "A gang of {thieves} thieves needed only {minutes} minutes to carry out a raid on {venue} in {city} on {weekday}, taking {items} with an estimated value of {value}.",
            ],
            [
                "The thieves entered {entry} and left before officers arrived. Security cameras recorded {thieves} masked people.",
                "According to investigators, the suspects got in {entry}. The whole operation lasted around {minutes} minutes.",
                "The raid was over in about {minutes} minutes: the intruders got in {entry} and fled in a waiting car, witnesses said.",
            ],
            [
                "“This was a carefully planned operation by people who knew exactly what they were looking for,” police spokesperson {spokesperson} said.",
                "{Spokesperson}, a police spokesperson, said investigators were examining video footage and appealed to anyone who had noticed suspicious vehicles in the area to come forward.",
                "“We are following several leads,” said {spokesperson}, speaking for the police. “We are also in contact with colleagues in other countries.”",
            ],
            [
                "Experts said stolen items of this kind are almost impossible to sell on the open market and are sometimes used as collateral in criminal deals.",
                "The alarm system worked, the owners said, but the thieves were too fast for the police patrol that was sent to the scene.",
                "It was not the first break-in of its kind in the region. Several similar raids have been reported in recent years, and investigators are looking into possible links.",
            ],
            [
                "The owners have offered a reward for information leading to the recovery of the stolen items. Police said information could also be given anonymously.",
                "{Venue} will remain closed for several days while forensic teams examine the scene. The owners said they would review their security arrangements.",
                "Police have set up a special investigation team and circulated descriptions of the stolen items to dealers and border authorities.",
            ],
            [
                "Forensic teams spent the day examining the scene for fingerprints and traces of DNA. Investigators were also studying footage from cameras in nearby streets to trace the escape route. Police set up checkpoints on the main roads out of {city} shortly after the alarm, but the suspects were not found.",
                "Insurance experts said thefts of this kind are often commissioned in advance, with buyers already lined up. Specialised police units and international databases of stolen goods have been alerted, which makes it much harder to sell the items openly. Some stolen pieces resurface only years later.",
                "Neighbours said they heard a loud crash and saw a dark car speed away. Security at the premises had been upgraded only last year, according to the owners, who said they were shocked by the speed and audacity of the raid.",
            ],
        ],
    },
    "protest": {
        "headlines": [
            "Thousands of {protesters} march in {city}",
            "{Protesters} protest in {city} against {cause_short}",
            "{Count} {protesters} rally in {city}, police say",
        ],
        "slots": [
            [
                "Thousands of {protesters} took to the streets of {city} on {weekday} to protest against {cause}. Police put the number of demonstrators at {count}, while organisers said {organisers_count} had taken part.",
                "About {count} {protesters} demonstrated in {city} on {weekday} against {cause}, according to police estimates. The organisers, {group}, spoke of {organisers_count} participants.",
                "{City} saw one of its biggest protests in years on {weekday}, as {protesters} gathered to demonstrate against {cause}. Police counted {count} people; organisers said there were {organisers_count}.",
            ],
            [
                "{Detail} Police reported {arrests} arrests but said the protest had been largely peaceful.",
                "The march passed off mostly peacefully, although police detained {arrests} people after scuffles near the end of the route. {Detail}",
                "{Detail} Officers made {arrests} arrests, mostly for damage to property, according to a police statement.",
            ],
            [
                "“We are here because we have no other choice,” said {leader}, one of the organisers from {group}. “Nobody in power is listening to us.”",
                "{Leader}, who speaks for {group}, said the protest was only the beginning and warned of further action if the government did not respond.",
                "“Our patience has run out,” {leader} of {group} told the crowd from a stage. “If they ignore us today, we will be back, and there will be more of us.”",
            ],
            [
                "The government said it understood the concerns but defended its position, arguing that its plans were necessary and balanced.",
                "Opposition politicians joined the march, and several expressed support for the demands of the demonstrators in statements on social media.",
                "The protest was the latest in a series of demonstrations in recent months. Previous rallies had drawn smaller crowds.",
            ],
            [
                "Organisers said they would decide on further protests at a meeting next week, and called on supporters to stay mobilised.",
                "Talks between the organisers and the government are scheduled for later this month, but both sides said they expected a difficult discussion.",
                "{Group} has announced that it will hold regional protests in the coming weeks if its demands are not met.",
            ],
            [
                "Police deployed several hundred officers and closed a number of streets in the city centre for the day. Public transport was diverted around the route, and some shops along the way kept their shutters down. Traffic in the surrounding districts was heavily congested until the evening.",
                "Many of those taking part had travelled from other parts of the country, some in chartered buses that left before dawn. Speakers at the final rally included representatives of other organisations, who said they shared the concerns of the demonstrators and would support further action.",
                "The demonstration followed weeks of smaller local actions, including petitions and meetings with elected representatives. Organisers said they had collected tens of thousands of signatures in support of their demands, which they planned to hand over to the authorities in the coming days.",
            ],
        ],
    },
    "launch": {
        "headlines": [
            "Europe's {satellite} weather satellite launched from Kourou",
            "{Rocket} puts {satellite} weather satellite into orbit",
        ],
        "slots": [
            [
                "An {rocket} rocket carrying the European weather satellite {satellite} lifted off from the spaceport in Kourou, French Guiana, at {time} local time on {weekday}. The satellite separated from the rocket {minutes} minutes later.",
                "Europe's newest weather satellite, {satellite}, was successfully launched on {weekday} on board an {rocket} rocket from Kourou in French Guiana, {agency} said.",
            ],
            [
                "The {mass}-tonne spacecraft is heading for a geostationary orbit about {orbit} kilometres above the equator, from where it will observe clouds, storms and temperatures over Europe and Africa.",
                "Weighing {mass} tonnes, {satellite} will operate from an altitude of about {orbit} kilometres and is designed to deliver a new image of the full disc of the Earth every ten minutes.",
            ],
            [
                "“This launch opens a new chapter for weather forecasting in Europe,” said mission director {director}. “Forecasters will see storms develop earlier and in much more detail.”",
                "{Director}, who directs the mission, said the first signals from the satellite had been received by a ground station shortly after separation. “Everything is working as planned,” {director_last} said.",
            ],
            [
                "The mission cost about {cost} and is expected to last at least {years} years. The satellite carries a lightning sensor and an infrared instrument that can measure humidity at different altitudes.",
                "The programme has a budget of {cost}. Engineers will spend the coming months testing the instruments before the first data are released to weather services, and the mission is planned to last {years} years.",
            ],
            [
                "It was the third launch from Kourou this year, and the space agency said further missions were planned for the spring.",
                "Meteorologists said the data would be particularly valuable for warning the public about sudden storms, heavy rain and heatwaves.",
            ],
            [
                "The launch had been postponed twice in February because of strong upper-level winds over the launch site. Engineers used the delay to carry out additional checks on the satellite's solar panels, which will unfold over the coming days. Once in position, the spacecraft will undergo about six months of commissioning before entering regular service.",
                "The satellite was built by a consortium of European companies, with instruments developed in several countries. It replaces an older spacecraft that has been in orbit for more than fifteen years and is running out of fuel. Weather services across Europe have been preparing for months to process the new data.",
            ],
        ],
    },
    "derailment": {
        "headlines": [
            "Train derails near {town} in {region}, {injured} injured",
        ],
        "slots": [
            [
                "A regional train derailed near {town} in the Austrian state of {region} on {weekday} morning after running into debris from a landslide, injuring {injured} of the {passengers} people on board, rescuers said.",
            ],
            [
                "{Serious} passengers were seriously hurt and flown to hospital in Innsbruck by helicopter. The other injured people suffered cuts and bruises and were treated at the scene.",
            ],
            [
                "“The driver had no chance to stop in time,” said {spokesperson}, a spokesperson for the rail operator. “The rocks came down only minutes before the train arrived.”",
            ],
            [
                "Heavy rain had fallen in the region for several days, loosening soil and rocks on the steep slopes above the line. Geologists were checking whether further slides were possible.",
            ],
            [
                "The line between {town} and the neighbouring valley is expected to remain closed for several days. Buses have been organised to replace the trains.",
            ],
            [
                "Rescue teams had to carry some of the injured along the track for several hundred metres, because the steep terrain made it impossible for ambulances to reach the train directly. Local residents brought blankets and hot drinks to the passengers, many of whom were commuters and school pupils on their way to {town}.",
            ],
        ],
    },
    "summit": {
        "headlines": [
            "{Countries} countries sign {pact} in {city}",
            "Ministers agree to protect 30% of their seas in {pact}",
        ],
        "slots": [
            [
                "Ministers from {countries} countries signed the {pact} in {city} on {weekday}, committing to protect {share}% of their coastal waters by {year} and to set up a fund of {fund} to pay for it.",
                "After two days of negotiations in {city}, representatives of {countries} countries agreed on {weekday} to a new pact to protect the oceans, known as the {pact}.",
            ],
            [
                "The agreement requires signatories to create new marine protected areas in which fishing and drilling will be restricted. Progress is to be checked every two years.",
                "Under the deal, {share}% of the coastal waters of each signatory must be placed under protection by {year}. A fund of {fund} will help poorer countries set up and monitor the new reserves.",
            ],
            [
                "“Today we have shown that countries can still agree on something that matters for future generations,” said {host}, the minister who chaired the meeting.",
                "{Host}, who hosted the conference, called the agreement a turning point. “The ocean has no borders, and neither can our efforts to protect it,” {host_last} said.",
            ],
            [
                "Environmental groups welcomed the deal but said the money pledged was far from enough. Fishing associations warned that the restrictions could cost jobs in coastal communities.",
                "Several large fishing nations did not sign, and critics said that without them the pact would have limited effect. Supporters said more countries were expected to join.",
            ],
            [
                "The pact will enter into force once it has been ratified by at least {ratify} countries, which organisers hope to achieve within two years.",
                "A first meeting to review progress is planned for next year, when the fund is due to make its first payments.",
            ],
            [
                "The talks were at times difficult, with disagreements over how to count existing reserves and how strict the rules on fishing should be. A compromise was reached late on the final night, after the host country proposed giving poorer countries more time to meet their targets.",
                "Scientists presented new data during the conference showing that fish stocks in several ocean regions were declining faster than expected. Delegates also discussed plastic pollution, deep-sea mining and the protection of coral reefs, but the final text focuses mainly on marine protected areas.",
            ],
        ],
    },
    "cyber": {
        "headlines": [
            "Cyberattack paralyses {hospital} in {city}",
        ],
        "slots": [
            [
                "A cyberattack has crippled the computer systems of the {hospital} in {city}, forcing it to send emergency patients to other hospitals, the clinic said on {weekday}.",
            ],
            [
                "Around {postponed} planned operations had to be postponed. The hospital, which has {beds} beds, switched to paper records while experts worked to restore its systems.",
            ],
            [
                "“Patient care is guaranteed at all times, but we are working under very difficult conditions,” said {spokesperson}, a spokesperson for the hospital.",
            ],
            [
                "Investigators believe the attackers used ransomware, a type of malicious software that encrypts data and is used to extort money. The state office of criminal investigation has taken over the case.",
            ],
            [
                "It was not clear whether patient data had been stolen. The hospital said it would inform patients as soon as more was known.",
            ],
            [
                "Hospital staff said the attack was discovered early in the morning, when doctors noticed that patient records could no longer be opened. The IT department shut down all networks as a precaution. Cyberattacks on hospitals have increased in recent years, and security experts have long warned that many clinics are poorly protected.",
            ],
        ],
    },
}
