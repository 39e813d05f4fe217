# Stories of the dedup evaluation set; executed by make_eval_set.py.
# fmt: story(group, hour offset, headline, body, [(hours later, [edits], relation), ...])

story("agro-standstill", 2.0, "Agrokor's creditors say standstill agreement to go into force today",
      "A standstill agreement regarding the Agrokor concern's existing financial obligations to banks will take effect on Friday, additional capital will be injected into the concern in the coming days and the concern will be actively restructured, which includes a change of its management, it was said on Friday after a meeting between Agrokor's suppliers and creditor banks.",
      [(0.5, [EXACT], "exact"),
       (1.0, [replace("actively", "fully")], "near"),
       (3.0, [repub("ZAGREB, April 7 (Hina) -", "(Reporting by Hina; Editing by Ivana Sekularac)")], "near"),
       (5.0, [append("The creditors did not disclose the amount of the fresh capital.")], "near")])

story("agro-dalic", 3.0, "Dalic: We welcome possible deal between Agrokor and banks",
      "The government welcomes the possibility of an agreement being concluded between the Agrokor food company and creditor banks, and the bill on vitally important companies is not a fallback plan but the result of the government's care for the overall economic and financial stability of Croatia, Deputy Prime Minister and Minister of Economy Martina Dalic told a press conference in Zagreb on Friday.",
      [(2.0, [replace("Dalic", "Dalić", True), replace("Martina Dalic", "Martina Dalić")], "near"),
       (4.0, [headline_case("title")], "near"),
       (6.0, [append("The bill is expected to be sent to parliament next week.")], "near")])

story("agro-erste", 4.0, "Croatia, creditors tailor emergency measures to save tottering giant",
      "Croatia's tottering retail and food giant Agrokor reached an agreement with its creditors, putting its debts on standby and allowing it to continue working during emergency restructuring, the Croatian branch of Austria's Erste Bank said Friday.",
      [(1.0, [prefix("UPDATE 1-"), append("Agrokor employs nearly 60,000 people across the Balkans and its revenues account for around 15 percent of Croatia's economic output.")], "near"),
       (2.5, [replace("tottering", "struggling")], "near"),
       (3.5, [repub("ZAGREB (dpa) -", "")], "near")])

story("agro-key-elements", 5.0, "Banks and Agrokor agree on key elements of standstill agreement",
      "Member banks of the coordinating committee of financial creditors and representatives of the Agrokor food company have in principle agreed on key elements of a standstill agreement, which is expected to be signed later today, announcing changes in the company's management team, Erste Bank said in a statement on Friday afternoon.",
      [(0.25, [EXACT], "exact"),
       (0.75, [headline_case("upper")], "near"),
       (2.0, [replace("later today", "on Saturday")], "near")])

story("zse-agrokor-focus", 6.0, "ZSE indices up, Agrokor shares in focus of investor interest",
      "The Zagreb Stock Exchange (ZSE) indices on Friday rose by more than 1.8%, with stocks of the Agrokor food and retail concern being in the focus of investor interest again.",
      [(0.5, [replace("again", "once more")], "near"),
       (1.5, [append("Turnover on the regular market totalled 38.2 million kuna.")], "near")])

story("syria-opp", 7.0, "Syrian opposition rules out future role for President al-Assad",
      "The Syrian opposition said Friday it would not accept any role for President Bashar al-Assad in the future of the war-torn country, reacting to a recent US shift saying that removing al-Assad is no longer a priority for Washington.",
      [(1.0, [replace("said Friday", "said on Friday")], "near"),
       (2.0, [repub("GENEVA, April 7 (Reuters) -", "(Reporting by Stephanie Nebehay; Editing by Louise Ireland)")], "near"),
       (3.0, [append("The opposition's chief negotiator said a political transition without Assad remained its goal.")], "near"),
       (3.5, [EXACT], "exact")])

story("ossetia", 8.0, "Russian Army integrates breakaway forces of Georgian province",
      "Parts of the small fighting forces of the Georgian breakaway province of South Ossetia have been placed under Russian military control, Russian Defence Minister Sergei Shoigu said on Friday.",
      [(1.0, [replace("small", "tiny")], "near"),
       (2.0, [append("Georgia's foreign ministry called the move a step towards annexation.")], "near"),
       (2.5, [prefix("REFILE-")], "near")])

story("asahi", 9.0, "Czech Republic's Pilsner Urquell beer is now Japanese",
      "Japanese brewing company Asahi completed its takeover of the Czech brewery Pilsner Urquell on Friday, Asahi said in a statement.",
      [(1.0, [append("Asahi bought the brewer from Anheuser-Busch InBev as part of a deal covering five eastern European businesses.")], "near"),
       (2.0, [replace("completed", "finalised")], "near"),
       (3.0, [punct()], "near")])

story("trump-univ", 10.0, "Judge approves 25-million-dollar settlement of Trump University case",
      "A US district judge on Friday approved a 25-million-dollar settlement of lawsuits and state fraud allegations against Trump University, the US president's now-defunct business venture.",
      [(0.5, [EXACT], "exact"),
       (1.0, [replace("now-defunct", "defunct")], "near"),
       (2.0, [append("About 6,000 former students are eligible for refunds under the deal.")], "near")])

story("thaksin", 11.0, "Former Thai premier Thaksin to junta on reconciliation: 'Cut me out'",
      "Former Thai prime minister Thaksin Shinawatra on Friday announced that he is not interested in the junta-led reconciliation process, three days after the junta handed him a half-a-billion-dollar tax bill for his past business deal.",
      [(1.0, [replace("announced", "said")], "near"),
       (2.0, [repub("BANGKOK (dpa) -", "")], "near")])

story("berlin-police", 12.0, "Berlin police defend handling of Berlin market attacker",
      "Berlin police defended themselves on Friday against accusations that they stopped surveillance on Berlin Christmas market attacker despite knowing in June 2016 he was dangerous.",
      [(1.0, [replace("defended themselves", "defended their officers")], "near"),
       (1.5, [append("A parliamentary committee is to question the city's police chief next week.")], "near"),
       (2.0, [prefix("UPDATE 1-")], "near")])

story("settlement-plan", 13.0, "Palestinians, UN slam Israel's new settlement plan",
      "Palestinians, Israeli activists and the UN lambasted the government of Israeli Prime Minister Benjamin Netanyahu on Friday, a day after it gave the go-ahead for the first new West Bank settlement in a quarter of a century.",
      [(0.5, [replace("lambasted", "criticised")], "near"),
       (1.0, [headline_case("title"), repub("JERUSALEM, April 7 (AFP) -", "")], "near"),
       (2.5, [EXACT], "exact")])

story("south-sudan", 14.0, "South Sudan rebels release three abducted foreign oil workers",
      "South Sudanese rebels have released three foreign engineers they abducted in early March in the oil-rich Upper Nile region, Foreign Affairs Ministry official Mawein Makol Arik said on Friday.",
      [(1.0, [append("The engineers, two Indians and a Pakistani, were handed over to church officials in the town of Nasir.")], "near"),
       (2.0, [replace("engineers", "workers")], "near")])

story("hdp-hunger", 15.0, "Turkish opposition: Imprisoned party chief has gone on hunger strike",
      "The head of Turkey's pro-Kurdish opposition party has launched a hunger strike from prison, his lawyers said on Friday, in protest against the conditions under which he and other detained politicians are held.",
      [(1.0, [replace("launched", "begun")], "near"),
       (2.0, [replace("his lawyers said on Friday", "his party said on Friday")], "near")])

story("epfl", 16.0, "European leagues threaten Champions League schedule clashes",
      "The European Professional Football Leagues (EPFL) on Friday threatened schedule clashes on Champions League matchdays in an ongoing dispute with the governing body UEFA over the distribution of revenue and the format of the competition from 2018.",
      [(0.5, [prefix("EXCLUSIVE-")], "near"),
       (1.5, [append("UEFA said it remained open to talks with the leagues.")], "near"),
       (2.5, [replace("ongoing", "long-running")], "near")])

story("danish-court", 17.0, "Danish court revokes citizenship of IS volunteer",
      "A Danish appellate court on Friday stripped a man of his Danish citizenship for volunteering to fight for the extremist Islamic State in Syria, the first such ruling in the country.",
      [(1.0, [replace("appellate", "appeals")], "near"),
       (2.0, [repub("COPENHAGEN, April 7 (Reuters) -", "(Reporting by Teis Jensen; Editing by Alison Williams)")], "near")])

story("malmo-trial", 18.0, "Syrian man on trial in Sweden; mosque attack labelled terrorism",
      "A Syrian man went on trial Friday in the southern Swedish city of Malmo, charged with terrorism and arson after an attack last year on a building used as an assembly hall by Shiite Muslims.",
      [(0.5, [replace("Malmo", "Malmö")], "near"),
       (1.0, [append("The man denies the charges.")], "near"),
       (1.5, [EXACT], "exact")])

story("croatia-china", 19.0, "Croatia, China sign action plan for cooperation in agriculture",
      "The Croatian and Chinese ministries of agriculture on Friday signed an action plan for cooperation in the field of agriculture for the period 2017-2018, the Croatian ministry said in a statement.",
      [(1.0, [replace("signed", "adopted")], "near"),
       (2.0, [append("Chinese importers have shown interest in Croatian wine, olive oil and dairy products.")], "near")])

story("quake-peru", 20.0, "Earthquake kills 12 in southern Peru",
      "A magnitude 6.2 earthquake struck southern Peru early on Saturday, killing at least 12 people and damaging hundreds of adobe homes in the Arequipa region, the country's civil defence institute said.",
      [(1.0, [prefix("UPDATE 1-")], "near"),
       (2.0, [prefix("UPDATE 2-"), replace("kills 12", "kills 14", True), replace("at least 12", "at least 14")], "near"),
       (3.0, [replace("damaging", "destroying")], "near")])

story("floods-romania", 21.0, "Floods force evacuation of 2,000 people in eastern Romania",
      "Heavy rain caused rivers to burst their banks in eastern Romania on Saturday, forcing the evacuation of about 2,000 people from villages in Galati and Vrancea counties, the emergency services inspectorate said.",
      [(0.5, [replace("Heavy rain", "Torrential rain")], "near"),
       (1.5, [append("Rail traffic between Bucharest and Iasi was suspended on a section of the line.")], "near"),
       (3.0, [repub("BUCHAREST (AFP) -", "")], "near")])

story("ecb-rates", 22.0, "ECB keeps rates on hold, sticks to asset purchases",
      "The European Central Bank left its interest rates unchanged on Thursday and reiterated that its asset purchases would run at 60 billion euros a month until the end of the year, or beyond if necessary.",
      [(0.25, [prefix("UPDATE 1-"), append("ECB President Mario Draghi said risks to the growth outlook had become less pronounced.")], "near"),
       (0.5, [replace("reiterated", "repeated")], "near"),
       (1.5, [repub("FRANKFURT, April 6 (Reuters) -", "(Reporting by Balazs Koranyi; Editing by Catherine Evans)")], "near")])

story("uk-pmi", 23.0, "UK services growth slows more than expected in March",
      "Growth in Britain's dominant services sector slowed more than expected last month as new orders cooled, a survey showed on Wednesday, adding to signs that the economy is losing momentum ahead of Brexit talks.",
      [(0.5, [replace("cooled", "weakened")], "near"),
       (1.0, [EXACT], "exact")])

story("oil-prices", 24.0, "Oil steady as U.S. crude stocks fall",
      "Oil prices held steady on Wednesday after industry data showed an unexpected drop in U.S. crude inventories, offsetting concerns that rising output from American shale producers would undermine OPEC-led supply cuts. Benchmark Brent crude futures were trading at 54.17 dollars a barrel by 0830 GMT.",
      [(0.5, [replace("held steady", "were little changed")], "near"),
       (1.0, [drop_last()], "near")])

story("volkswagen", 25.0, "Volkswagen to invest in electric car production in China",
      "Volkswagen will build electric cars at a new plant in China with its local partner Anhui Jianghuai Automobile, the German carmaker said on Thursday, as Beijing pushes manufacturers to sell more zero-emission vehicles.",
      [(1.0, [replace("carmaker", "automaker")], "near"),
       (2.0, [repub("WOLFSBURG, Germany (Reuters) -", "(Reporting by Andreas Cremer; Editing by Mark Potter)")], "near"),
       (3.0, [headline_case("upper")], "near")])

story("slovenia-ljubljana", 26.0, "Slovenia's parliament approves second rail track to Koper port",
      "Slovenia's parliament on Friday approved a law on building a second rail track between the Adriatic port of Koper and the inland town of Divaca, a project the government says is crucial for the port's growth.",
      [(1.0, [replace("crucial", "vital")], "near"),
       (2.0, [append("Opponents have announced they will seek a referendum on the law.")], "near")])

story("serbia-vucic", 27.0, "Protesters rally in Belgrade for sixth day against Vucic election win",
      "Thousands of people rallied in Belgrade and other Serbian cities for the sixth consecutive day on Saturday to protest against the election of Prime Minister Aleksandar Vucic as president, which they say will tighten his grip on power.",
      [(0.5, [replace("Thousands of people", "Thousands of young people")], "near"),
       (1.5, [repub("BELGRADE (AP) -", "")], "near"),
       (2.0, [prefix("UPDATE 1-"), append("Police did not intervene and the protests passed without incident.")], "near")])

story("bih-census", 28.0, "Bosnia's Serb entity rejects census results",
      "The government of Bosnia's Serb-run Republika Srpska said on Thursday it would not recognise the results of the country's first post-war census, accusing the state statistics office of inflating the number of Bosniaks.",
      [(1.0, [replace("inflating", "overstating")], "near"),
       (2.0, [EXACT], "exact")])

story("tennis-cilic", 29.0, "Cilic eases into second round in Marrakesh",
      "Croatia's top seed Marin Cilic eased into the second round of the Grand Prix Hassan II tournament in Marrakesh on Tuesday, beating Spain's Guillermo Garcia-Lopez in straight sets.",
      [(0.5, [replace("eased into", "cruised into"), replace("eases into", "cruises into", True)], "near"),
       (1.0, [append("Cilic will next face Germany's Jan-Lennard Struff.")], "near")])

story("f1-bahrain", 30.0, "Vettel wins Bahrain Grand Prix to extend championship lead",
      "Ferrari's Sebastian Vettel won the Bahrain Grand Prix on Sunday to take a seven-point lead in the Formula One championship over Mercedes rival Lewis Hamilton, who finished second after a five-second time penalty.",
      [(0.25, [prefix("UPDATE 1-")], "near"),
       (0.5, [replace("rival", "driver")], "near"),
       (1.0, [repub("SAKHIR, Bahrain, April 16 (Reuters) -", "(Reporting by Alan Baldwin; Editing by Ed Osmond)")], "near"),
       (1.5, [EXACT], "exact")])

story("eu-brexit-guidelines", 31.0, "EU leaders adopt Brexit negotiating guidelines in minutes",
      "European Union leaders took less than a minute on Saturday to adopt guidelines for negotiations with Britain on its exit from the bloc, insisting that London must settle its financial obligations before talks on a trade deal can begin.",
      [(0.5, [replace("insisting", "stressing")], "near"),
       (1.0, [append("British Prime Minister Theresa May said the EU was lining up to oppose Britain.")], "near"),
       (2.0, [headline_case("title")], "near")])

story("france-election", 32.0, "Macron and Le Pen go through to French presidential run-off",
      "Centrist Emmanuel Macron and far-right leader Marine Le Pen qualified on Sunday for the run-off of France's presidential election, projections showed, setting up a clash between a pro-EU newcomer and an anti-immigration nationalist.",
      [(0.25, [prefix("UPDATE 2-")], "near"),
       (0.5, [replace("newcomer", "political novice")], "near"),
       (1.0, [append("The second round will be held on May 7.")], "near")])

story("venice-flood", 33.0, "Venice residents protest against cruise ships",
      "Several thousand Venice residents marched through the city on Sunday to demand a ban on giant cruise ships in the lagoon, saying the vessels endanger the city's fragile foundations and drive up rents.",
      [(1.0, [replace("Several thousand", "Thousands of")], "near"),
       (2.0, [repub("VENICE (ANSA) -", "")], "near")])

story("hungary-ceu", 34.0, "Hungarian president signs law targeting Soros-founded university",
      "Hungarian President Janos Ader on Monday signed into law legislation that could force the Central European University founded by U.S. financier George Soros out of the country, despite protests by tens of thousands in Budapest.",
      [(0.5, [replace("Janos Ader", "János Áder")], "near"),
       (1.0, [prefix("UPDATE 1-"), append("The university said it would challenge the law in the constitutional court.")], "near"),
       (1.5, [EXACT], "exact")])

story("fire-london", 35.0, "Fire breaks out at warehouse in east London",
      "About 100 firefighters were tackling a large blaze at a warehouse in east London on Monday evening, the London Fire Brigade said, with a plume of thick black smoke visible across the city. There were no reports of injuries.",
      [(0.5, [replace("tackling", "battling")], "near"),
       (1.0, [drop_last()], "near")])

story("bank-merger", 36.0, "Raiffeisen completes merger of Austrian units",
      "Raiffeisen Bank International completed the merger with its parent Raiffeisen Zentralbank on Monday, creating a bank with total assets of around 135 billion euros and a stronger capital base, the Austrian lender said.",
      [(1.0, [replace("lender", "bank")], "near"),
       (2.0, [repub("VIENNA, April 10 (Reuters) -", "(Reporting by Kirsti Knolle; Editing by Alexander Smith)")], "near")])

story("maritime-rescue", 37.0, "Italian coast guard rescues 2,000 migrants off Libya",
      "Italy's coast guard said on Sunday it had coordinated the rescue of about 2,000 migrants from 16 boats off the coast of Libya, as the number of people attempting the crossing to Europe rises with calmer spring weather.",
      [(0.5, [replace("calmer", "warmer")], "near"),
       (1.0, [prefix("UPDATE 1-"), replace("about 2,000", "more than 2,000"), replace("2,000 migrants", "more than 2,000 migrants", True)], "near"),
       (2.0, [append("Aid group Doctors Without Borders said several bodies had been recovered.")], "near")])

story("ukraine-gas", 38.0, "Ukraine says it will not buy Russian gas this summer",
      "Ukraine's state energy company Naftogaz does not plan to buy Russian gas this summer and will instead import supplies from Europe to fill its storage facilities before the winter, its chief executive said on Tuesday.",
      [(1.0, [replace("supplies", "gas")], "near"),
       (2.0, [EXACT], "exact")])

story("poland-forest", 39.0, "EU court orders Poland to halt logging in ancient forest",
      "The European Union's top court on Friday ordered Poland to immediately stop large-scale logging in the Bialowieza forest, one of Europe's last primeval woodlands, pending a final ruling on the case.",
      [(0.5, [replace("immediately stop", "stop")], "near"),
       (1.0, [repub("LUXEMBOURG (Reuters) -", "(Reporting by Alastair Macdonald; Editing by Robin Pomeroy)")], "near"),
       (1.5, [append("Poland's environment minister said the logging was needed to fight a bark beetle infestation.")], "near")])

story("montenegro-nato", 40.0, "Montenegro parliament ratifies NATO accession",
      "Montenegro's parliament on Friday ratified the country's accession to NATO, defying opposition from Russia and part of the population, and paving the way for the tiny Adriatic state to become the alliance's 29th member.",
      [(0.5, [replace("tiny", "small")], "near"),
       (1.0, [prefix("UPDATE 1-"), append("Opposition parties boycotted the session and held a rally outside the parliament building.")], "near")])

story("apple-iphone", 41.0, "Apple supplier Foxconn posts higher first-quarter profit",
      "Taiwan's Foxconn, the world's largest contract electronics maker and a major assembler of Apple's iPhones, reported a rise in first-quarter net profit on Monday, helped by strong demand for smartphones in China.",
      [(1.0, [replace("strong", "robust")], "near"),
       (2.0, [repub("TAIPEI (Reuters) -", "(Reporting by Jess Macy Yu; Editing by Stephen Coates)")], "near")])

story("greece-bailout", 42.0, "Greece, lenders reach preliminary deal on reforms",
      "Greece and its international lenders reached a preliminary agreement on Tuesday on pension cuts and tax reforms required to unlock further bailout funds, ending months of wrangling that had delayed the country's return to growth.",
      [(0.5, [replace("wrangling", "haggling")], "near"),
       (1.0, [EXACT], "exact"),
       (2.0, [append("Euro zone finance ministers are expected to discuss the deal on May 22.")], "near")])

story("sri-lanka-dump", 43.0, "Death toll from Sri Lanka garbage dump collapse rises to 26",
      "The death toll from the collapse of a huge garbage dump on the outskirts of the Sri Lankan capital Colombo rose to 26 on Sunday, police said, as rescuers searched for more people buried under the rubbish.",
      [(1.0, [replace("huge", "giant")], "near"),
       (2.0, [prefix("UPDATE 1-"), replace("rises to 26", "rises to 28", True), replace("rose to 26", "rose to 28")], "near")])

story("ferry-strike", 44.0, "Ferry workers strike halts Croatian island services",
      "Crews of Croatia's state-owned ferry operator Jadrolinija went on strike on Monday over pay, halting most services between the mainland and the islands and leaving tourists stranded in Split and Zadar.",
      [(0.5, [replace("most services", "many services")], "near"),
       (1.0, [append("The company said talks with the unions would resume on Tuesday.")], "near"),
       (1.5, [headline_case("title")], "near")])

story("dinamo-coach", 45.0, "Dinamo Zagreb sack coach after derby defeat",
      "Dinamo Zagreb sacked coach Ivaylo Petev on Monday, a day after a home defeat by arch-rivals Hajduk Split left the Croatian champions trailing leaders Rijeka in the title race.",
      [(0.5, [replace("sacked", "dismissed"), replace("sack", "dismiss", True)], "near"),
       (1.0, [repub("ZAGREB (Hina) -", "")], "near")])

# ---- distinct stories on the same subjects: must not be merged with the ones above --------------
story("agro-mgmt", 46.0, "Agrokor appoints emergency administrator Ante Ramljak",
      "A Croatian court on Monday appointed Ante Ramljak as emergency administrator of the Agrokor food and retail concern under the new law on vitally important companies, removing the company's founder Ivica Todoric from management.",
      [(1.0, [replace("removing", "sidelining")], "near")])

story("agro-suppliers", 47.0, "Agrokor suppliers demand guarantees for unpaid bills",
      "Croatian suppliers of the Agrokor concern demanded on Tuesday that the government guarantee payment of their outstanding invoices, saying hundreds of small firms would go bankrupt without the money.",
      [])

story("syria-chemical", 48.0, "Dozens killed in suspected gas attack in Syria's Idlib",
      "At least 58 people were killed in a suspected chemical weapons attack on the rebel-held town of Khan Sheikhoun in Syria's Idlib province on Tuesday, a monitoring group said, in one of the deadliest such incidents of the war.",
      [(0.5, [prefix("UPDATE 1-")], "near"),
       (1.0, [replace("deadliest", "worst")], "near")])

story("syria-us-strike", 49.0, "U.S. fires missiles at Syrian air base after gas attack",
      "The United States fired dozens of cruise missiles on Friday at a Syrian air base from which it said a deadly chemical weapons attack was launched, the first direct U.S. military strike against the government of President Bashar al-Assad.",
      [(0.5, [append("Russia condemned the strike as an act of aggression.")], "near")])

# ---- formulaic controls: each a story of its own ------------------------------------------------
control("zse-0403", 2.5, "ZSE indices down, Crobex at 1,921.4 points",
        "The Zagreb Stock Exchange indices fell on Monday, with the Crobex down 0.6 percent to 1,921.4 points and the Crobex10 down 0.8 percent to 1,093.7 points. Regular turnover was 9.3 million kuna.")
control("zse-0404", 26.5, "ZSE indices down, Crobex at 1,904.8 points",
        "The Zagreb Stock Exchange indices fell on Tuesday, with the Crobex down 0.9 percent to 1,904.8 points and the Crobex10 down 1.1 percent to 1,081.5 points. Regular turnover was 12.7 million kuna.")
control("zse-0405", 50.5, "ZSE indices up, Crobex at 1,912.2 points",
        "The Zagreb Stock Exchange indices rose on Wednesday, with the Crobex up 0.4 percent to 1,912.2 points and the Crobex10 up 0.5 percent to 1,086.9 points. Regular turnover was 8.1 million kuna.")
control("zse-0406", 74.5, "ZSE indices up, Crobex at 1,930.6 points",
        "The Zagreb Stock Exchange indices rose on Thursday, with the Crobex up 1.0 percent to 1,930.6 points and the Crobex10 up 1.2 percent to 1,100.0 points. Regular turnover was 15.4 million kuna.")
control("zse-0407", 98.5, "ZSE indices up, Crobex at 1,965.3 points",
        "The Zagreb Stock Exchange indices rose on Friday, with the Crobex up 1.8 percent to 1,965.3 points and the Crobex10 up 2.1 percent to 1,123.1 points. Regular turnover was 38.2 million kuna.")
# the same day's report republished by another site is a duplicate, formula or not
story("zse-0410", 122.5, "ZSE indices mixed, Crobex at 1,958.0 points",
      "The Zagreb Stock Exchange indices were mixed on Monday, with the Crobex down 0.4 percent to 1,958.0 points and the Crobex10 up 0.1 percent to 1,124.2 points. Regular turnover was 11.6 million kuna.",
      [(0.5, [repub("ZAGREB, April 10 (Hina) -", "")], "near"),
       (1.0, [EXACT], "exact")])
control("sase-0407", 99.0, "Sarajevo bourse index SASX-10 up 0.3 pct",
        "The Sarajevo Stock Exchange's SASX-10 index rose 0.3 percent on Friday to 671.2 points, while the SASX-30 gained 0.1 percent to 1,002.5 points. Turnover was 412,000 marks.")
control("sase-0410", 123.0, "Sarajevo bourse index SASX-10 up 0.5 pct",
        "The Sarajevo Stock Exchange's SASX-10 index rose 0.5 percent on Monday to 674.6 points, while the SASX-30 gained 0.2 percent to 1,004.1 points. Turnover was 389,000 marks.")

control("div-podravka", 30.5, "Podravka proposes dividend of 7 kuna per share",
        "The management of food company Podravka proposed on Tuesday that shareholders approve a dividend of 7 kuna per share from last year's profit. The general assembly will be held on June 8, and the dividend will be paid on July 3.")
control("div-atlantic", 31.5, "Atlantic Grupa proposes dividend of 12 kuna per share",
        "The management of food company Atlantic Grupa proposed on Tuesday that shareholders approve a dividend of 12 kuna per share from last year's profit. The general assembly will be held on June 14, and the dividend will be paid on July 6.")
control("div-adris", 54.5, "Adris proposes dividend of 12 kuna per share",
        "The management of tourism and insurance company Adris proposed on Wednesday that shareholders approve a dividend of 12 kuna per share from last year's profit. The general assembly will be held on June 14, and the dividend will be paid on July 6.")
control("div-hte", 55.5, "HT proposes dividend of 6 kuna per share",
        "The management of telecoms company Hrvatski Telekom proposed on Wednesday that shareholders approve a dividend of 6 kuna per share from last year's profit. The general assembly will be held on June 9, and the dividend will be paid on July 3.")
control("div-ericsson", 56.0, "Ericsson Nikola Tesla proposes dividend of 20 kuna per share",
        "The management of Ericsson Nikola Tesla proposed on Wednesday that shareholders approve a regular dividend of 20 kuna per share and an extraordinary dividend of 30 kuna per share. The general assembly will be held on June 1, and the dividend will be paid on June 22.")
control("div-krka", 57.0, "Krka to pay dividend of 2.50 euros per share",
        "Slovenian drugmaker Krka said on Wednesday its supervisory board proposed a dividend of 2.50 euros gross per share. The shareholders' meeting will be held on July 6 and the dividend will be paid on July 10.")
control("div-petrol", 58.0, "Petrol to pay dividend of 15 euros per share",
        "Slovenian energy company Petrol said on Wednesday its supervisory board proposed a dividend of 15 euros gross per share. The shareholders' meeting will be held on July 6 and the dividend will be paid on July 10.")

control("jobless-0406", 76.0, "U.S. weekly jobless claims fall to 234,000",
        "Initial claims for state unemployment benefits fell 25,000 to a seasonally adjusted 234,000 for the week ended April 1, the Labor Department said on Thursday. Economists had forecast claims falling to 250,000. The four-week moving average of claims fell 4,000 to 250,000.")
control("jobless-0413", 244.0, "U.S. weekly jobless claims fall to 234,000",
        "Initial claims for state unemployment benefits fell 1,000 to a seasonally adjusted 234,000 for the week ended April 8, the Labor Department said on Thursday. Economists had forecast claims rising to 245,000. The four-week moving average of claims fell 4,750 to 246,750.")
control("jobless-0330", 52.0, "U.S. weekly jobless claims fall to 258,000",
        "Initial claims for state unemployment benefits fell 3,000 to a seasonally adjusted 258,000 for the week ended March 25, the Labor Department said on Thursday. Economists had forecast claims falling to 247,000. The four-week moving average of claims rose 7,250 to 254,250.")
control("de-jobless-mar", 60.0, "German unemployment falls by 30,000 in March",
        "The number of people out of work in Germany fell by 30,000 in seasonally adjusted terms to 2.56 million in March, the Federal Labour Office said on Friday. The jobless rate held at 5.8 percent, a record low.")
control("de-jobless-apr", 180.0, "German unemployment falls by 15,000 in April",
        "The number of people out of work in Germany fell by 15,000 in seasonally adjusted terms to 2.54 million in April, the Federal Labour Office said on Friday. The jobless rate held at 5.8 percent, a record low.")

control("earn-jpm", 100.0, "JPMorgan first-quarter profit rises 17 percent",
        "JPMorgan Chase & Co reported a 17 percent rise in first-quarter profit on Thursday. Net income rose to 6.45 billion dollars, or 1.65 dollars per share, from 5.52 billion dollars, or 1.35 dollars per share, a year earlier. Revenue rose 6.2 percent to 25.59 billion dollars.")
control("earn-citi", 101.0, "Citigroup first-quarter profit rises 17 percent",
        "Citigroup Inc reported a 17 percent rise in first-quarter profit on Thursday. Net income rose to 4.09 billion dollars, or 1.35 dollars per share, from 3.50 billion dollars, or 1.10 dollars per share, a year earlier. Revenue rose 3 percent to 18.12 billion dollars.")
control("earn-wells", 102.0, "Wells Fargo first-quarter profit flat",
        "Wells Fargo & Co reported flat first-quarter profit on Thursday. Net income was 5.46 billion dollars, or 1.00 dollar per share, compared with 5.46 billion dollars, or 0.99 dollar per share, a year earlier. Revenue fell 0.1 percent to 22.00 billion dollars.")
control("earn-ht-q1", 150.0, "Hrvatski Telekom first-quarter net profit down 11 pct",
        "Hrvatski Telekom said on Wednesday its first-quarter net profit fell 11 percent year on year to 178 million kuna, while revenue fell 2.3 percent to 1.64 billion kuna. EBITDA before exceptional items was 657 million kuna.")
control("earn-ht-q2", 250.0, "Hrvatski Telekom second-quarter net profit down 4 pct",
        "Hrvatski Telekom said on Wednesday its second-quarter net profit fell 4 percent year on year to 201 million kuna, while revenue fell 1.1 percent to 1.78 billion kuna. EBITDA before exceptional items was 702 million kuna.")

control("hnl-round28-a", 104.0, "Rijeka beat Osijek 2-1 to stay top",
        "Rijeka beat Osijek 2-1 at home on Saturday to stay top of the Croatian first division with 70 points after 28 rounds. Mate Males and Franko Andrijasevic scored for Rijeka, with Eros Grezda replying for Osijek.")
control("hnl-round28-b", 104.5, "Dinamo beat Slaven Belupo 2-1 to stay second",
        "Dinamo Zagreb beat Slaven Belupo 2-1 at home on Saturday to stay second in the Croatian first division with 66 points after 28 rounds. Armin Hodzic and Junior Fernandes scored for Dinamo, with Dino Stiglec replying for Slaven Belupo.")
control("hnl-round29-a", 128.0, "Rijeka beat Cibalia 3-0 to stay top",
        "Rijeka beat Cibalia 3-0 away on Saturday to stay top of the Croatian first division with 73 points after 29 rounds. Mate Males, Franko Andrijasevic and Roman Bezjak scored for Rijeka.")
control("nba-0409-a", 110.0, "Westbrook sets triple-double record as Thunder beat Nuggets",
        "Russell Westbrook recorded his 42nd triple-double of the season, a single-season NBA record, and hit a game-winning three-pointer as the Oklahoma City Thunder beat the Denver Nuggets 106-105 on Sunday.")
control("nba-0411-a", 158.0, "Westbrook adds triple-double as Thunder beat Nuggets again",
        "Russell Westbrook recorded a triple-double of the season, his 43rd, as the Oklahoma City Thunder beat the Denver Nuggets 111-99 on Tuesday to complete the regular season with 47 wins.")
control("bundesliga-a", 112.0, "Bayern beat Dortmund 4-1 in Klassiker",
        "Bayern Munich beat Borussia Dortmund 4-1 in the Bundesliga on Saturday to move seven points clear at the top of the table, with Robert Lewandowski scoring twice.")
control("bundesliga-b", 280.0, "Bayern beat Wolfsburg 6-0 to clinch title",
        "Bayern Munich beat VfL Wolfsburg 6-0 in the Bundesliga on Saturday to clinch a record fifth consecutive title, with Robert Lewandowski scoring twice.")

control("weather-zg-0404", 27.0, "Weather: sunny in Zagreb, highs of 21 C",
        "Mostly sunny weather is forecast for Zagreb and continental Croatia on Tuesday, with morning temperatures between 4 and 8 degrees Celsius and highs of 21 C. On the Adriatic, sunny with a light bora, highs of 19 C.")
control("weather-zg-0405", 51.0, "Weather: cloudy in Zagreb, highs of 17 C",
        "Mostly cloudy weather is forecast for Zagreb and continental Croatia on Wednesday, with morning temperatures between 7 and 10 degrees Celsius and highs of 17 C. On the Adriatic, cloudy with a moderate sirocco, highs of 18 C.")
control("weather-zg-0406", 75.0, "Weather: rain in Zagreb, highs of 14 C",
        "Rain is forecast for Zagreb and continental Croatia on Thursday, with morning temperatures between 6 and 9 degrees Celsius and highs of 14 C. On the Adriatic, rain and a strong sirocco, highs of 16 C.")
control("fx-0403", 3.0, "Kuna firms against euro, midpoint rate 7.4580",
        "The Croatian National Bank's midpoint rate for the euro was 7.4580 kuna on Monday, down from 7.4612 kuna on Friday, while the dollar was quoted at 6.9931 kuna.")
control("fx-0404", 27.5, "Kuna firms against euro, midpoint rate 7.4533",
        "The Croatian National Bank's midpoint rate for the euro was 7.4533 kuna on Tuesday, down from 7.4580 kuna on Monday, while the dollar was quoted at 6.9982 kuna.")
control("lottery-0405", 52.5, "Loto 7 jackpot rises to 12 million kuna",
        "No one hit the Loto 7 jackpot in Wednesday's draw, so the top prize rises to 12 million kuna for Saturday's draw. The numbers drawn were 3, 11, 17, 24, 29, 33 and 35.")
control("lottery-0408", 124.0, "Loto 7 jackpot rises to 14 million kuna",
        "No one hit the Loto 7 jackpot in Saturday's draw, so the top prize rises to 14 million kuna for Wednesday's draw. The numbers drawn were 2, 8, 15, 21, 30, 31 and 37.")

# ---- articles and their briefs ------------------------------------------------------------------
article("art-aleppo", 1.0, "France wants ICC war crimes investigation into Aleppo bombing", [
    "France wants the bombardment of Syria's city of Aleppo to be investigated by the International Criminal Court as a war crime, French Foreign Minister Jean-Marc Ayrault said Monday.",
    "\"We, France, are going to get in touch with the prosecutor of the International Criminal Court to see which ways she can begin these investigations,\" Ayrault told France Inter radio.",
    "\"Who has carried out the bombardments? There are the Syrians, but also the Russians, who have come with their sophisticated weapons that allow them to penetrate down to bunkers where people are trying to protect themselves,\" Ayrault said.",
    "UN officials and Western powers have in recent days expressed outrage at airstrikes that have hit hospitals, an aid convoy and other civilian targets in rebel-held areas of northern Syria, including the eastern part of Aleppo.",
    "Also on Monday, the Syrian government hinted that it would be prepared to allow rebels holding out in eastern Aleppo to evacuate with their personal weapons to other opposition-held areas."],
    [(2.0, "France wants ICC war crimes investigation into Aleppo bombing",
      "France wants the bombardment of Syria's city of Aleppo to be investigated by the International Criminal Court as a war crime, French Foreign Minister Jean-Marc Ayrault said Monday.",
      "brief_of_article", "brief = headline + first paragraph"),
     (5.0, "France seeks ICC probe of Aleppo bombing",
      "France wants the bombing of Syria's city of Aleppo to be investigated as a war crime by the International Criminal Court, Foreign Minister Jean-Marc Ayrault said on Monday.",
      "brief_of_article", "brief paraphrases headline + first paragraph")])

article("art-asahi-deal", 20.5, "Asahi completes purchase of east European beer brands", [
    "Japan's Asahi Group Holdings completed its 7.3-billion-euro purchase of Anheuser-Busch InBev's eastern European beer businesses on Friday, including Czech brewer Pilsner Urquell, the company said.",
    "The deal gives Asahi, Japan's biggest brewer by sales, breweries in the Czech Republic, Poland, Hungary, Romania and Slovakia, and brands such as Tyskie, Lech and Dreher.",
    "AB InBev agreed to sell the businesses to win regulatory approval for its takeover of SABMiller last year.",
    "Asahi said it would keep the local management teams and expand exports of the brands to Asia."],
    [(-3.0, "Asahi completes purchase of east European beer brands",
      "Japan's Asahi Group Holdings completed its 7.3-billion-euro purchase of Anheuser-Busch InBev's eastern European beer businesses on Friday, including Czech brewer Pilsner Urquell, the company said.",
      "article_of_brief", "brief seen before its article")])

article("art-hr-budget", 40.5, "Croatian government revises budget as Agrokor crisis weighs", [
    "The Croatian government on Thursday adopted a revised budget for this year, lowering its economic growth forecast to 2.9 percent from 3.2 percent because of the crisis at the Agrokor food and retail concern, Finance Minister Zdravko Maric said.",
    "Maric told reporters that the budget deficit target of 1.3 percent of gross domestic product remained achievable, but that spending on some infrastructure projects would be postponed.",
    "Agrokor, the country's largest private employer, is being restructured under a special law after it ran up debts of about 6 billion euros.",
    "The opposition Social Democrats said the revision showed the government had no plan for the economy."],
    [(1.0, "Croatia revises budget, cuts growth forecast over Agrokor",
      "The Croatian government on Thursday adopted a revised budget for this year, lowering its economic growth forecast to 2.9 percent from 3.2 percent because of the crisis at the Agrokor food and retail concern, Finance Minister Zdravko Maric said.",
      "brief_of_article", "brief = new headline + first paragraph"),
     (3.0, "Croatia revises budget, cuts growth forecast over Agrokor",
      "The Croatian government on Thursday adopted a revised budget for 2017, lowering its economic growth forecast to 2.9 percent from 3.2 percent because of the crisis at the Agrokor food and retail concern, Finance Minister Zdravko Maric told a news conference.",
      "brief_of_article", "brief of the article, two words changed")])

article("art-stockholm", 60.5, "Truck ploughs into crowd in central Stockholm, killing four", [
    "A hijacked beer truck ploughed into crowds on a shopping street in central Stockholm on Friday, killing four people and injuring 15 in what Prime Minister Stefan Lofven said was a terrorist attack.",
    "Police said they had arrested a man suspected of driving the truck, which crashed into the Ahlens department store on Drottninggatan, one of the city's busiest pedestrian streets.",
    "The attack brought the centre of the Swedish capital to a standstill, with trains suspended and the parliament building sealed off.",
    "\"Sweden has been attacked. Everything indicates that this is an act of terror,\" Lofven told reporters."],
    [(0.5, "Truck ploughs into crowd in Stockholm, four dead",
      "A hijacked beer truck ploughed into crowds on a shopping street in central Stockholm on Friday, killing four people and injuring 15 in what Prime Minister Stefan Lofven said was a terrorist attack.",
      "brief_of_article", "brief = shortened headline + first paragraph"),
     (-0.5, "Truck drives into crowd in central Stockholm",
      "A truck drove into crowds on a shopping street in central Stockholm on Friday, killing several people in what Prime Minister Stefan Lofven said appeared to be a terrorist attack.",
      "article_of_brief", "early breaking brief, article follows with more detail")])

article("art-hu-ceu-long", 80.0, "Thousands protest in Budapest against law targeting Soros university", [
    "Tens of thousands of people marched through Budapest on Sunday to protest against a new law that could force the Central European University, founded by U.S. financier George Soros, to leave Hungary.",
    "The protesters, many of them students, chanted \"Free country, free university\" as they walked from the parliament to the presidential palace, urging President Janos Ader not to sign the law.",
    "The government of Prime Minister Viktor Orban says the law is needed to regulate foreign universities and denies it targets CEU.",
    "The European Commission said it was analysing the legislation and would discuss it next week."],
    [(2.0, "Thousands protest in Budapest against law targeting Soros university",
      "Tens of thousands of people marched through Budapest on Sunday to protest against a new law that could force the Central European University, founded by U.S. financier George Soros, to leave Hungary.",
      "brief_of_article", "brief = headline + first paragraph"),
     (3.0, "Thousands protest in Budapest against law targeting Soros university",
      "Tens of thousands of people marched through Budapest on Sunday to protest against a new law that could force the Central European University, founded by U.S. financier George Soros, to leave Hungary.",
      "brief_of_article", "the same brief on another page (exact copy of the brief)")])

article("art-sky-news", 140.0, "Fox agrees to sell Sky News to Disney to win takeover approval", [
    "Twenty-First Century Fox offered on Tuesday to sell Sky News to Walt Disney if its takeover of Sky is approved, in an attempt to address British concerns about media plurality.",
    "Fox, controlled by Rupert Murdoch, has been trying to buy the 61 percent of Sky it does not already own for more than a year.",
    "Britain's culture secretary has said the deal should be referred for an in-depth investigation by the competition regulator.",
    "Sky shares rose 2 percent in early trading."],
    [(-1.0, "Fox offers to sell Sky News to Disney",
      "Twenty-First Century Fox offered on Tuesday to sell Sky News to Walt Disney if its takeover of Sky is approved, in an attempt to address British concerns over media plurality.",
      "article_of_brief", "brief first; article adds detail, one word differs")])

# articles republished by another site (full-text near duplicates)
add("art-ferry-long", "a", "ARTICLE", 200.0, "Croatian ferry strike strands thousands of tourists", [
    "Thousands of tourists were stranded on Croatian islands on Tuesday as a strike by crews of state-owned ferry operator Jadrolinija entered its second day, with only a handful of emergency lines running.",
    "The unions are demanding a 6 percent pay rise and the hiring of additional crew members, saying ships have been sailing with too few sailors for years.",
    "The company's management said the demands were unrealistic given its losses and called on the unions to return to talks mediated by the labour ministry.",
    "Tourist boards in Split, Hvar and Korcula said hotels were offering stranded guests free extra nights."], "original", "article")
add("art-ferry-long", "b", "ARTICLE", 203.0, "UPDATE 1-Croatian ferry strike strands thousands of tourists", [
    "SPLIT, Croatia, April 11 (Reuters) - Thousands of tourists were stranded on Croatian islands on Tuesday as a strike by crews of state-owned ferry operator Jadrolinija entered its second day, with only a handful of emergency lines running.",
    "The unions are demanding a 6 percent pay rise and the hiring of additional crew members, saying ships have been sailing with too few sailors for years.",
    "The company's management said the demands were unrealistic given its losses and called on the unions to return to talks mediated by the labour ministry.",
    "Tourist boards in Split, Hvar and Korcula said hotels were offering stranded guests free extra nights.",
    "Late on Tuesday the labour minister said she would meet both sides on Wednesday morning.",
    "(Reporting by Igor Ilic; Editing by Gareth Jones)"], "near", "wire republication with dateline, appended paragraph, credit line")
add("art-ferry-long", "c", "ARTICLE", 205.0, "Croatian ferry strike strands thousands of tourists", [
    "Thousands of tourists were stranded on Croatian islands on Tuesday as a strike by crews of state-owned ferry operator Jadrolinija entered its second day, with only a handful of emergency lines running.",
    "The unions are demanding a 6 percent pay rise and the hiring of additional crew members, saying ships have been sailing with too few sailors for years.",
    "The company's management said the demands were unrealistic given its losses and called on the unions to return to talks mediated by the labour ministry."], "near", "last paragraph dropped")
