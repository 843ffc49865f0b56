#!/usr/bin/env python3
"""Builds gold_clusters.jsonl and gold_not_actors.jsonl from the hand-written
tables below, checking every surface form against the article text.

Article keys are the first characters of the file name (a01, b07, c05, ...;
000 / 001 for the two files in /work/main/seeds/).  A mention written with a
straight apostrophe is matched against the text with a curly one too, and the
form that actually occurs is stored.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DIRS = [os.path.join(ROOT, "tests", "data", d) for d in ("dev", "dev_c", "dev_d", "dev_e")]
DIRS.append(os.path.join(ROOT, "seeds"))

TEXTS = {}
KEY2ART = {}
for d in DIRS:
    if not os.path.isdir(d):
        continue
    for fn in sorted(os.listdir(d)):
        if fn.endswith(".txt"):
            stem = fn[:-4]
            with open(os.path.join(d, fn), encoding="utf-8") as fh:
                TEXTS[stem] = fh.read()
            KEY2ART[stem[:3]] = stem

P, O, A, G, M, C, OUT, CH = ("person", "organisation", "armed_group", "government",
                             "military", "country", "outlet", "channel")

# (canonical, type, side, {article_key: [surface forms]})
CLUSTERS = [
    # ------------------------------------------------------------ Ukraine
    ("Ukraine", C, "Ukraine", {
        "000": ["Ukraine"],
        "001": ["Ukraine"],
        "a01": ["Kyiv"],
        "a05": ["the Kiev regime", "Kiev regime", "Kiev"],
        "b01": ["Kyiv", "Ukrainian officials"],
        "b03": ["Kyiv", "Ukrainian officials"],
        "b07": ["Ukraine", "Kyiv", "Kyiv regime"],
        "b08": ["The Kiev regime", "the Kiev regime", "Kiev regime", "Kiev"],
        "c01": ["Kyiv"],
        "c02": ["Ukraine", "Kyiv"],
        "d04": ["the Kiev regime"],
    }),
    ("Volodymyr Zelenskyy", P, "Ukraine", {
        "b03": ["President Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "Zelenskyy"],
        "b07": ["President Volodymyr Zelenskyy", "Volodymyr Zelenskyy"],
        "b08": ["Zelensky"],
    }),
    ("Armed Forces of Ukraine", M, "Ukraine", {
        "000": ["the Ukrainian military", "Ukrainian military"],
        "001": ["The Ukrainian Armed Forces", "Ukrainian forces"],
        "a04": ["Ukrainian troops"],
        "a05": ["the Ukrainian army", "Ukrainian army", "the Ukrainian armed forces",
                "Ukrainian armed forces"],
        "b07": ["Armed Forces of Ukraine"],
        "b08": ["Ukrainian militants"],
        "c01": ["Ukrainian forces"],
        "c02": ["Ukraine's army", "Ukrainian troops"],
        "d04": ["the Ukrainian armed forces", "Ukrainian armed formations"],
    }),
    ("General Staff of the Armed Forces of Ukraine", M, "Ukraine", {
        "a04": ["the General Staff of Ukraine's Armed Forces", "The General Staff"],
        "a05": ["Ukrainian General Staff"],
        "a07": ["the General Staff"],
        "b08": ["The General Staff of the Armed Forces of Ukraine"],
        "c07": ["The Ukrainian General Staff"],
    }),
    ("Ukrainian military command", M, "Ukraine", {
        "a07": ["the command", "Ukraine's top military leadership"],
        "d04": ["the Ukrainian command"],
    }),
    ("Ukrainian Air Force", M, "Ukraine", {
        "a01": ["Ukraine's air force"],
        "a02": ["Ukraine's air force"],
        "a04": ["the Air Force", "Air Force"],
        "b01": ["Ukraine's air force"],
        "b03": ["Ukraine's air force"],
        "c01": ["Ukraine's air force", "the air force"],
        "e02": ["Air Force of the Armed Forces of Ukraine"],
    }),
    ("Oleksii Danylenko", P, "Ukraine", {"e02": ["Oleksii Danylenko"]}),
    ("Ukrainian Ground Forces", M, "Ukraine", {
        "a07": ["Ukraine's Ground Forces", "The Ground Forces command", "the Ground Forces"],
    }),
    ("Viktor Hrabar", P, "Ukraine", {"a07": ["Col. Viktor Hrabar", "Viktor Hrabar"]}),
    ("former commander of Ukraine's Ground Forces", P, "Ukraine", {
        "a07": ["the then-commander of the Ground Forces"]}),
    ("commander of the 139th Separate Mechanized Brigade", P, "Ukraine", {
        "a07": ["the brigade commander", "one brigade commander"]}),
    ("Defence Minister of Ukraine", P, "Ukraine", {"a07": ["the defense minister"]}),
    ("149th Separate Mechanised Brigade", M, "Ukraine", {
        "b07": ["Ukraine's 149th Separate Mechanised Brigade", "149th Separate Mechanised Brigade"]}),
    ("Khortytsia operational-strategic group", M, "Ukraine", {
        "c02": ["Khortytsia operational-strategic group"]}),
    ("Andriy Vasylenko", P, "Ukraine", {
        "c02": ["Colonel Andriy Vasylenko", "Andriy Vasylenko", "Vasylenko"]}),
    ("Ukrainian military intelligence (HUR)", M, "Ukraine", {
        "c01": ["Ukraine's military intelligence agency"]}),
    ("Strategic Communications Directorate of the Armed Forces of Ukraine", M, "Ukraine", {
        "000": ["The Strategic Communications Directorate of Ukraine's Armed Forces",
                "Strategic Communications Directorate"]}),
    ("Ministry of Foreign Affairs of Ukraine", G, "Ukraine", {
        "a01": ["Foreign Ministry"],
        "b01": ["Ukraine's foreign ministry"],
        "c01": ["Ukraine's foreign ministry"],
        "e02": ["Ukraine's Foreign Ministry"],
    }),
    ("Oksana Hrytsenko", P, "Ukraine", {"a01": ["Oksana Hrytsenko"]}),
    ("Mariana Kovalchuk", P, "Ukraine", {"b01": ["Mariana Kovalchuk"]}),
    ("Yevhen Tkachenko", P, "Ukraine", {"c01": ["Yevhen Tkachenko"]}),
    ("Andrii Savchuk", P, "Ukraine", {"e02": ["Andrii Savchuk", "Savchuk"]}),
    ("Taras Voloshyn", P, "Ukraine", {
        "a01": ["Ukrainian Deputy Defence Minister Taras Voloshyn", "Taras Voloshyn"]}),
    ("Dmytro Lysenko", P, "Ukraine", {"a02": ["presidential adviser Dmytro Lysenko", "Dmytro Lysenko"]}),
    ("Oksana Hrynchuk", P, "Ukraine", {
        "b03": ["Energy Minister Oksana Hrynchuk", "Oksana Hrynchuk", "the minister"]}),
    ("Ministry of Energy of Ukraine", G, "Ukraine", {"b03": ["the Energy Ministry"]}),
    ("Ukrenergo", O, "Ukraine", {"b03": ["Ukrenergo", "the company"]}),
    ("Petro Hnatiuk", P, "Ukraine", {
        "a04": ["Human Rights Commissioner Petro Hnatiuk", "Petro Hnatiuk", "Hnatiuk"]}),
    ("Coordination Headquarters for the Treatment of Prisoners of War", G, "Ukraine", {
        "b07": ["Ukraine's Coordination Headquarters for the Treatment of Prisoners of War",
                "Coordination Headquarters for the Treatment of Prisoners of War",
                "The headquarters", "the Coordination Headquarters"]}),
    ("Yurii Ostapenko", P, "Ukraine", {"b07": ["Yurii Ostapenko", "Ostapenko"]}),
    ("Center for Countering Disinformation", G, "Ukraine", {
        "b08": ["Ukraine's so-called Center for Countering Disinformation",
                "Center for Countering Disinformation"]}),
    ("State Emergency Service of Ukraine", G, "Ukraine", {
        "a01": ["Ukraine's State Emergency Service"],
        "b05": ["the State Emergency Service of Ukraine", "the SES", "the service"],
        "e02": ["The State Emergency Service of Ukraine", "The service"],
    }),
    ("Olha Yavorska", P, "Ukraine", {"b05": ["SES spokesperson Olha Yavorska", "Olha Yavorska"]}),
    ("National Police of Ukraine", G, "Ukraine", {
        "b03": ["The National Police"],
        "b05": ["the National Police"],
    }),
    ("Kharkiv regional police", G, "Ukraine", {"c07": ["the regional police"]}),
    ("Prosecutor General's Office of Ukraine", G, "Ukraine", {
        "a07": ["Ukraine's Prosecutor General's Office"]}),
    ("Kherson regional prosecutor's office", G, "Ukraine", {"a02": ["the regional prosecutor's office"]}),
    ("Zaporizhzhia Regional Prosecutor's Office", G, "Ukraine", {
        "e02": ["The Zaporizhzhia Regional Prosecutor's Office", "the office"]}),
    ("Oleksandra Bondar", P, "Ukraine", {"a07": ["Oleksandra Bondar", "Bondar"]}),
    ("Yurii Kostenko", P, "Ukraine", {"a07": ["Yurii Kostenko"]}),
    # Ukrainian regional officials
    ("Serhiy Dorosh", P, "Ukraine", {
        "a01": ["Governor Serhiy Dorosh", "Serhiy Dorosh", "Dorosh", "the regional governor"]}),
    ("Oleksandr Rudenko", P, "Ukraine", {"a01": ["Kherson governor Oleksandr Rudenko", "Oleksandr Rudenko"]}),
    ("Yurii Melnyk", P, "Ukraine", {"a04": ["Governor Yurii Melnyk", "Yurii Melnyk"]}),
    ("Ivan Fedorenko", P, "Ukraine", {
        "a02": ["Ivan Fedorenko", "Mr Fedorenko", "Fedorenko",
                "The head of the regional military administration"],
        "e02": ["Ivan Fedorenko", "Fedorenko",
                "head of the Zaporizhzhia Regional Military Administration"],
    }),
    ("Andrii Tkachuk", P, "Ukraine", {"a04": ["Governor Andrii Tkachuk", "Andrii Tkachuk"]}),
    ("Roman Kostiuk", P, "Ukraine", {"a02": ["Roman Kostiuk", "The city's mayor"]}),
    ("Halyna Moroz", P, "Ukraine", {"e02": ["Halyna Moroz"]}),
    ("Vadym Ostapchuk", P, "Ukraine", {"a04": ["Governor Vadym Ostapchuk", "Vadym Ostapchuk"]}),
    ("Oleh Synyshchuk", P, "Ukraine", {
        "b01": ["Oleh Synyshchuk", "Synyshchuk", "The regional governor"],
        "c07": ["Oleh Synyshchuk", "The regional governor"],
    }),
    ("Iryna Moroz", P, "Ukraine", {"a04": ["Governor Iryna Moroz", "Iryna Moroz"]}),
    ("Serhii Bondarenko", P, "Ukraine", {"a04": ["Governor Serhii Bondarenko", "Serhii Bondarenko"]}),
    ("Serhii Panchenko", P, "Ukraine", {
        "c02": ["Serhii Panchenko", "Panchenko", "The Donetsk regional governor"]}),
    ("Mykola Bondarenko", P, "Ukraine", {
        "b05": ["Mykola Bondarenko", "Bondarenko", "the head of the OVA",
                "the head of the Dnipropetrovsk Regional Military Administration"]}),
    ("Mykola Honchar", P, "Ukraine", {"a07": ["regional governor Mykola Honchar", "Mykola Honchar"]}),
    ("Yevhen Khvorostianyi", P, "Ukraine", {"b05": ["Yevhen Khvorostianyi"]}),
    ("Vitalii Hordiienko", P, "Ukraine", {"c01": ["Vitalii Hordiienko", "Hordiienko"]}),
    ("Kherson city military administration", G, "Ukraine", {"c01": ["the city military administration"]}),
    ("Andrii Bezuhlyi", P, "Ukraine", {"c07": ["Andrii Bezuhlyi", "Bezuhlyi"]}),
    ("Kharkiv Regional Military Administration", G, "Ukraine", {"c07": ["the regional military administration"]}),
    ("Kharkiv regional department of social policy", G, "Ukraine", {
        "c07": ["the regional department of social policy"]}),
    ("Serhii Lytvynenko", P, "Ukraine", {"c07": ["Police officer Serhii Lytvynenko", "Serhii Lytvynenko"]}),
    ("Proliska", O, "Ukraine", {
        "c07": ["the Proliska humanitarian mission", "Proliska", "the Proliska mission"]}),
    ("Taras Kovtun", P, "Ukraine", {"c07": ["Proliska coordinator Taras Kovtun", "Taras Kovtun"]}),
    # Ukrainian civilians quoted
    ("Olena (Zaporizhzhia market trader)", P, "Ukraine", {"a02": ["Olena"]}),
    ("Iryna Holub", P, "Ukraine", {"b01": ["Iryna Holub"]}),
    ("Halyna Mostova", P, "Ukraine", {"b07": ["Halyna Mostova"]}),
    ("Nadiia Hrytsenko", P, "Ukraine", {"c07": ["Nadiia Hrytsenko"]}),
    ("Viktor Moroz", P, "Ukraine", {"c07": ["Viktor Moroz"]}),
    # Ukrainian outlets
    ("The Kyiv Independent", OUT, "Ukraine", {"a04": ["The Kyiv Independent"]}),
    ("Ukrinform", OUT, "Ukraine", {"e02": ["Ukrinform"]}),
    ("Kharkiv Today", OUT, "Ukraine", {"c07": ["Kharkiv Today"]}),
    # ------------------------------------------------------------ Russia
    ("Russia", C, "Russia", {
        "000": ["Moscow"],
        "001": ["Russia", "Russian officials", "The authorities"],
        "a01": ["Russia", "Moscow"],
        "a02": ["Russia", "Moscow"],
        "a04": ["Russia"],
        "b01": ["Russia", "Moscow"],
        "b02": ["Russia"],
        "b03": ["Russia", "Moscow"],
        "b07": ["Russia", "Moscow", "Russian authorities"],
        "c01": ["Russia", "Moscow", "Russian officials"],
        "c02": ["Russia", "Moscow"],
        "c03": ["Russia"],
        "c07": ["Russia"],
        "e02": ["Russia"],
    }),
    ("Kremlin", G, "Russia", {
        "a01": ["A Kremlin spokesman", "Kremlin"],
        "b08": ["the Kremlin", "the Kremlin spokesman", "Kremlin"],
    }),
    ("Vladimir Putin", P, "Russia", {
        "b02": ["Vladimir Putin", "Putin", "the president"],
        "b03": ["Putin"],
    }),
    ("Ministry of Defence of the Russian Federation", M, "Russia", {
        "000": ["The Russian defense ministry", "Russian defense ministry"],
        "001": ["the Russian Defense Ministry", "The Russian Defense Ministry", "the Defense Ministry",
                "Defense Ministry"],
        "a01": ["Russia's Defence Ministry", "the Defence Ministry"],
        "a02": ["Russia's defence ministry"],
        "a04": ["Russia's Defense Ministry"],
        "a05": ["the Russian Defense Ministry", "the ministry"],
        "a07": ["Russia's Defense Ministry", "The Russian ministry", "Defense Ministry",
                "his own country's Defense Ministry"],
        "b01": ["Russia's defence ministry"],
        "b02": ["the Defense Ministry", "The Defense Ministry", "Defense Ministry"],
        "b03": ["the Russian Defense Ministry", "the ministry"],
        "b07": ["Russia's Defence Ministry"],
        "b08": ["the Russian Defence Ministry", "The Defence Ministry"],
        "c01": ["Russia's defence ministry"],
        "c02": ["Russia's defence ministry", "the defence ministry"],
        "c07": ["Russia's defence ministry"],
        "d04": ["the Russian Defense Ministry", "the ministry"],
        "e02": ["Russia's Defence Ministry"],
    }),
    ("Sergei Shoigu", P, "Russia", {"b02": ["then-Defense Minister Sergei Shoigu", "Sergei Shoigu"]}),
    ("Armed Forces of the Russian Federation", M, "Russia", {
        "000": ["Russian forces", "Moscow's forces"],
        "a01": ["Russian forces"],
        "a02": ["its forces"],
        "a04": ["Russian forces"],
        "a05": ["Russian troops"],
        "b05": ["Russian troops"],
        "b08": ["the Russian army", "our army"],
        "c01": ["Russian forces"],
        "c02": ["Russian forces"],
        "c07": ["Russian troops", "Russian forces"],
        "d04": ["Russian forces"],
        "e02": ["Russian forces", "Russian troops"],
    }),
    ("Russian military command", M, "Russia", {
        "000": ["the high command", "the Russian command", "Russian generals"],
        "001": ["Russian military commanders"],
        "b02": ["the commander of the group of forces"],
        "b08": ["the generals"],
    }),
    ("Battlegroup Center", M, "Russia", {"a05": ["Battlegroup Center", "the Battlegroup Center"]}),
    ("Battlegroup South", M, "Russia", {"a05": ["Battlegroup South"]}),
    ("Battlegroup West (Zapad)", M, "Russia", {
        "a05": ["Battlegroup West"],
        "c07": ["\"Zapad\" group of forces"],
    }),
    ("Battlegroup North", M, "Russia", {
        "a05": ["Battlegroup North"],
        "d04": ["the Battlegroup North", "Battlegroup North"],
    }),
    ("Battlegroup East", M, "Russia", {"a05": ["the Battlegroup East", "Battlegroup East"]}),
    ("Battlegroup Dnepr", M, "Russia", {"a05": ["Battlegroup Dnepr"]}),
    ("Gennady Levkin", P, "Russia", {
        "a05": ["Battlegroup Center spokesman Gennady Levkin", "Gennady Levkin", "Levkin"]}),
    ("Ministry of Foreign Affairs of the Russian Federation", G, "Russia", {
        "a05": ["Russian Foreign Ministry"],
        "b08": ["Foreign Ministry"],
        "c01": ["Russia's foreign ministry"],
        "d04": ["Russian Foreign Ministry"],
    }),
    ("Yelena Korchagina", P, "Russia", {"a05": ["Yelena Korchagina", "the diplomat"]}),
    ("Irina Zorina", P, "Russia", {"b08": ["Irina Zorina", "Zorina"]}),
    ("Darya Voronova", P, "Russia", {"c01": ["Darya Voronova"]}),
    ("Yelena Fomicheva", P, "Russia", {"d04": ["Yelena Fomicheva", "the diplomat"]}),
    ("State Duma Defense Committee", G, "Russia", {
        "a05": ["State Duma Defense Committee"],
        "d04": ["State Duma Defense Committee"],
    }),
    ("Vladimir Zhukov", P, "Russia", {"a05": ["Vladimir Zhukov"]}),
    ("Arkady Bersenev", P, "Russia", {"d04": ["Arkady Bersenev"]}),
    ("Grigory Karasin", P, "Russia", {"000": ["Russian Senator Grigory Karasin", "Grigory Karasin"]}),
    ("Investigative Committee of Russia", G, "Russia", {
        "d04": ["the Russian Investigative Committee", "Russian Investigative Committee"]}),
    ("Prosecutor General's Office of Russia", G, "Russia", {"001": ["Russia's Prosecutor General's Office"]}),
    ("Russian human rights commissioner", P, "Russia", {"b07": ["Russia's human rights commissioner"]}),
    ("Yevgeny Lagutin", P, "Russia", {"a01": ["Yevgeny Lagutin", "the governor of Russia's Belgorod region"]}),
    ("Alexander Kurochkin", P, "Russia", {
        "a05": ["Belgorod Region Governor Alexander Kurochkin", "Alexander Kurochkin"]}),
    ("Alexander Kuzmenko", P, "Russia", {
        "b08": ["Governor Alexander Kuzmenko", "Alexander Kuzmenko", "Kuzmenko", "the governor",
                "The governor"]}),
    ("Pavel Sedykh", P, "Russia", {"a02": ["acting governor Pavel Sedykh", "Pavel Sedykh"]}),
    ("Igor Belyakov", P, "Russia", {"a05": ["Acting Governor Igor Belyakov", "Igor Belyakov"]}),
    ("Anatoly Prokhorov", P, "Russia", {
        "d04": ["Kursk Region Acting Governor Anatoly Prokhorov", "Anatoly Prokhorov", "Prokhorov",
                "the governor"]}),
    ("Yegor Lomakin", P, "Russia", {"c01": ["Yegor Lomakin", "The governor of Russia's Bryansk region"]}),
    ("Andrei Shulga", P, "Russia", {
        "a02": ["Andrei Shulga", "The Russian-installed official who runs the occupied part of the region"]}),
    ("Ivan Prikhodko", P, "Russia", {"c02": ["Ivan Prikhodko", "the Moscow-installed mayor"]}),
    ("Russian-installed Donetsk administration (DPR)", G, "Russia", {
        "000": ["the Russia-backed Donetsk administration"],
        "001": ["The Moscow-installed administration of Ukraine's Donetsk region"],
    }),
    ("Daniil Bezsonov", P, "Russia", {"000": ["Daniil Bezsonov"]}),
    ("Sergei Vokhmin", P, "Russia", {"b02": ["Sergei Vokhmin", "The Kirov region's military commissar"]}),
    ("Igor Girkin", P, "Russia", {
        "000": ["Igor Girkin", "Girkin"],
        "001": ["Russian military blogger Igor Girkin", "Igor Girkin", "Girkin"],
    }),
    ("Sergey Markov", P, "Russia", {"000": ["Pro-Russian blogger Sergey Markov", "Sergey Markov"]}),
    ("Boris Rozhin (Colonelcassad)", P, "Russia", {"000": ["Boris Rozhin", "Colonelcassad"]}),
    ("Arkhangel Spetsnaz", CH, "Russia", {"001": ["Arkhangel Spetsnaz", "Arkhangel Setsnaz"]}),
    ("Andrei Voronin", P, "Russia", {"a07": ["Andrei Voronin", "Voronin"]}),
    ("Severny Veter", CH, "Russia", {
        "a07": ["the Severny Veter Telegram channel", "Severny Veter"],
        "b02": ["the Telegram channel Severny Veter", "Severny Veter"],
    }),
    ("Zaitsev (Severny Veter author)", P, "Russia", {"b02": ["Zaitsev"]}),
    ("Pyotr Lisitsyn", P, "Russia", {"b02": ["Pyotr Lisitsyn"]}),
    ("Okopnaya Pravda", CH, "Russia", {"b02": ["Okopnaya Pravda", "Trench Truth"]}),
    ("Frontovaya Svodka", CH, "Russia", {"c02": ["Frontovaya Svodka"]}),
    ("Alexei Shestakov", P, "Russia", {"b08": ["Military blogger Alexei Shestakov", "Alexei Shestakov",
                                               "Shestakov"]}),
    ("Kordon", CH, "Russia", {"b08": ["the Telegram channel Kordon", "Kordon"]}),
    ("Viktor Lobanov", P, "Russia", {"b08": ["military expert Viktor Lobanov", "Viktor Lobanov"]}),
    ("Natalya Grebneva", P, "Russia", {"b02": ["Natalya Grebneva", "Grebneva"]}),
    ("TASS", OUT, "Russia", {
        "000": ["state news agency TASS", "TASS"],
        "001": ["state news agency TASS", "TASS"],
        "a05": ["TASS"],
        "d04": ["TASS"],
    }),
    ("KP.ru (Komsomolskaya Pravda)", OUT, "Russia", {"b08": ["KP.ru"]}),
    ("Vyatka Segodnya", OUT, "Russia", {"b02": ["Vyatka Segodnya"]}),
    ("Meduza", OUT, "Russia", {"b02": ["Meduza"]}),
    ("Mediazona", OUT, "Russia", {
        "b02": ["Mediazona"],
        "c02": ["Independent Russian outlet Mediazona", "Mediazona", "The outlet"],
    }),
    ("The Moscow Times", OUT, "Russia", {"001": ["The Moscow Times"]}),
    ("BBC Russian Service", OUT, None, {
        "b02": ["the BBC Russian Service", "BBC Russian Service"],
        "c02": ["the BBC Russian service", "BBC Russian service"],
    }),
    # ------------------------------------------------------------ Western / international
    ("Reuters", OUT, None, {
        "a01": ["Reuters"], "b07": ["Reuters"], "c08": ["Reuters"], "d01": ["Reuters"], "e01": ["Reuters"]}),
    ("BBC", OUT, None, {
        "a02": ["The BBC", "the BBC", "BBC"], "c05": ["the BBC", "BBC"], "d08": ["the BBC", "BBC"]}),
    ("Associated Press", OUT, None, {
        "a06": ["The Associated Press", "AP"],
        "a08": ["AP", "The Associated Press"],
        "d02": ["The Associated Press", "AP"],
    }),
    ("Agence France-Presse (AFP)", OUT, None, {
        "c02": ["AFP"], "d05": ["AFP"], "e08": ["AFP"]}),
    ("dpa", OUT, "Germany", {"e06": ["dpa"]}),
    ("Deutsche Welle (DW)", OUT, "Germany", {"b03": ["DW"]}),
    ("CNN", OUT, "United States", {"000": ["CNN"]}),
    ("Al Jazeera", OUT, "Qatar", {"a03": ["Al Jazeera"]}),
    ("Yousef Qandil", P, None, {"a03": ["Al Jazeera's Yousef Qandil", "Yousef Qandil"]}),
    ("Dawn", OUT, "Pakistan", {"d07": ["Dawn"], "e04": ["Dawn"]}),
    ("Rob Lee", P, None, {"001": ["Rob Lee"]}),
    ("Helen Marchetti", P, "United Kingdom", {"a07": ["Helen Marchetti", "Marchetti"]}),
    ("Institute for Strategic Defence Studies", O, "United Kingdom", {
        "a07": ["the London-based Institute for Strategic Defence Studies",
                "Institute for Strategic Defence Studies"]}),
    ("Institute for the Study of War", O, "United States", {
        "c02": ["The Institute for the Study of War", "Institute for the Study of War"]}),
    ("Germany", C, "Germany", {"a01": ["Germany"], "b03": ["Germany"], "e06": ["Berlin"]}),
    ("German Federal Foreign Office", G, "Germany", {
        "b03": ["German Foreign Office"],
        "e06": ["the German Foreign Office", "A spokeswoman for the German Foreign Office"],
    }),
    ("Katrin Wehmeyer", P, "Germany", {"b03": ["Katrin Wehmeyer", "Wehmeyer"]}),
    ("NATO", O, None, {"b03": ["NATO", "the alliance"]}),
    ("Elin Haugland", P, None, {"b03": ["NATO spokeswoman Elin Haugland", "Elin Haugland", "Haugland"]}),
    ("European Union", O, None, {"b03": ["EU"]}),
    ("EU High Representative for Foreign Affairs", P, None, {"b03": ["The European Union's top diplomat"]}),
    ("European Union delegation in Colombia", O, None, {"d06": ["The European Union delegation in Bogotá"]}),
    ("Ministry of Foreign Affairs of Hungary", G, "Hungary", {
        "b03": ["Hungary's foreign ministry", "A ministry spokesman"]}),
    ("Polish Armed Forces Operational Command", M, "Poland", {
        "b03": ["Poland's armed forces operational command", "the command"]}),
    ("United States", C, "United States", {
        "a03": ["the United States"],
        "a08": ["the United States"],
        "b04": ["Washington"],
        "b08": ["Washington"],
        "c06": ["the United States"],
    }),
    ("United States Armed Forces", M, "United States", {"b04": ["the US military"]}),
    ("US Central Command (CENTCOM)", M, "United States", {
        "b04": ["US Central Command", "CENTCOM"]}),
    ("US Embassy in Mogadishu", G, "United States", {"d01": ["The U.S. embassy in Mogadishu"]}),
    ("United Kingdom", C, "United Kingdom", {"b04": ["London"]}),
    ("UK Maritime Trade Operations (UKMTO)", M, "United Kingdom", {
        "b04": ["the UK Maritime Trade Operations agency", "UKMTO"]}),
    ("France", C, "France", {"a08": ["France"], "e08": ["France"]}),
    ("Spain", C, "Spain", {"e06": ["Spain"]}),
    ("United Arab Emirates", C, "United Arab Emirates", {"b07": ["the United Arab Emirates"]}),
    ("Ministry of Foreign Affairs of the UAE", G, "United Arab Emirates", {"b07": ["The UAE foreign ministry"]}),
    ("Qatar", C, "Qatar", {"a03": ["Qatar"], "e06": ["Qatar"]}),
    ("Egypt", C, "Egypt", {"a03": ["Egypt"], "e06": ["Egypt"]}),
    ("Ministry of Foreign Affairs of Egypt", G, "Egypt", {"e06": ["Egypt's Foreign Ministry"]}),
    ("Turkey", C, "Turkey", {"c03": ["Turkey"], "e07": ["Turkey"]}),
    ("Ministry of Foreign Affairs of Turkey", G, "Turkey", {"e07": ["Turkey's foreign ministry"]}),
    ("International Monetary Fund", O, None, {"b04": ["International Monetary Fund"]}),
    # ------------------------------------------------------------ UN system & IOs
    ("United Nations", O, None, {
        "a06": ["U.N."],
        "b06": ["a UN spokesperson"],
        "c03": ["The United Nations"],
        "c05": ["The UN secretary general's spokesperson", "the organisation"],
        "c08": ["The United Nations"],
        "d01": ["The United Nations"],
        "d08": ["the UN"],
        "e05": ["the United Nations"],
    }),
    ("UN Security Council", O, None, {
        "b06": ["the UN Security Council"],
        "c03": ["The UN Security Council"],
        "c05": ["The UN Security Council"],
        "d02": ["the U.N. Security Council"],
        "d08": ["the UN Security Council"],
    }),
    ("UN Human Rights Monitoring Mission in Ukraine (HRMMU)", O, None, {
        "a01": ["The United Nations human rights monitoring mission in Ukraine"],
        "a02": ["The UN's human rights monitoring mission in Ukraine"],
        "b01": ["The UN human rights monitoring mission in Ukraine", "the mission"],
        "b07": ["The UN human rights monitoring mission in Ukraine"],
        "c01": ["The UN human rights monitoring mission in Ukraine", "the mission", "The mission"],
    }),
    ("Karin Lindberg", P, None, {"c01": ["Karin Lindberg", "the head of the mission"]}),
    ("Office of the UN High Commissioner for Human Rights (OHCHR)", O, None, {
        "c06": ["The UN human rights office", "UN human rights office", "OHCHR"],
        "c08": ["The U.N. human rights chief's office"],
        "d02": ["the U.N. human rights office"],
        "e01": ["The United Nations human rights office in Geneva", "its spokesperson"],
    }),
    ("Elena Sorrentino", P, None, {"c06": ["Elena Sorrentino"]}),
    ("UN Joint Human Rights Office in the DRC", O, None, {"e03": ["the UN Joint Human Rights Office"]}),
    ("UN Office for the Coordination of Humanitarian Affairs (OCHA)", O, None, {
        "a03": ["The UN Office for the Coordination of Humanitarian Affairs",
                "UN Office for the Coordination of Humanitarian Affairs", "OCHA"],
        "b06": ["the UN Office for the Coordination of Humanitarian Affairs",
                "UN Office for the Coordination of Humanitarian Affairs", "OCHA"],
        "c05": ["the UN humanitarian office", "OCHA"],
        "c06": ["the UN humanitarian office OCHA", "OCHA"],
        "d03": ["The UN Office for the Coordination of Humanitarian Affairs",
                "UN Office for the Coordination of Humanitarian Affairs"],
        "e03": ["The UN Office for the Coordination of Humanitarian Affairs",
                "UN Office for the Coordination of Humanitarian Affairs", "OCHA"],
    }),
    ("Daniel Moreau", P, None, {"c06": ["Daniel Moreau"]}),
    ("Maria Lindqvist", P, None, {"a03": ["Maria Lindqvist"]}),
    ("Claire Ndiaye", P, None, {"a06": ["Claire Ndiaye", "The U.N. humanitarian coordinator for Sudan"]}),
    ("UN humanitarian coordinator for Mali", P, None, {
        "e08": ["The United Nations humanitarian coordinator for Mali"]}),
    ("UNRWA", O, None, {
        "a03": ["the UN agency for Palestinian refugees", "UNRWA", "the agency"],
        "e06": ["The UN agency for Palestinian refugees", "UNRWA", "the agency"],
    }),
    ("Rania Saadeh", P, None, {"a03": ["UNRWA spokesperson Rania Saadeh", "Rania Saadeh"]}),
    ("UNHCR", O, None, {
        "a06": ["the U.N. refugee agency"],
        "c03": ["the UN refugee agency"],
        "c05": ["the UN refugee agency", "UNHCR"],
    }),
    ("UNICEF", O, None, {"d08": ["The UN children's agency", "Unicef"]}),
    ("World Health Organization", O, None, {
        "e01": ["World Health Organization", "WHO", "A WHO spokesperson"],
        "e06": ["the World Health Organization", "World Health Organization"],
    }),
    ("World Food Programme", O, None, {"c06": ["The World Food Programme", "World Food Programme"]}),
    ("International Organization for Migration", O, None, {
        "a06": ["The International Organization for Migration"],
        "a08": ["the International Organization for Migration"],
        "d02": ["the International Organization for Migration"],
        "d08": ["The International Organization for Migration", "IOM", "The IOM", "the agency"],
    }),
    ("Sofia Lindahl", P, None, {"d08": ["Sofia Lindahl"]}),
    ("UNIFIL", O, None, {"a08": ["The U.N. peacekeeping force in southern Lebanon", "UNIFIL"]}),
    ("MONUSCO", O, None, {"e03": ["the UN peacekeeping mission", "MONUSCO"]}),
    ("UN Group of Experts on the DRC", O, None, {"c05": ["United Nations experts"]}),
    ("UN Verification Mission in Colombia", O, None, {
        "d06": ["the United Nations Verification Mission in Colombia",
                "United Nations Verification Mission in Colombia"]}),
    ("UN Military Observer Group in India and Pakistan (UNMOGIP)", O, None, {
        "d07": ["the United Nations Military Observer Group in India and Pakistan",
                "United Nations Military Observer Group in India and Pakistan"]}),
    ("International Criminal Court", O, None, {
        "b06": ["the International Criminal Court"], "e02": ["the International Criminal Court"]}),
    ("International Committee of the Red Cross", O, None, {
        "b07": ["the International Committee of the Red Cross", "The ICRC", "ICRC", "The Red Cross"],
        "c05": ["The International Committee of the Red Cross"],
        "c06": ["The International Committee of the Red Cross", "ICRC"],
        "e07": ["The International Committee of the Red Cross", "ICRC",
                "A spokesperson for the ICRC delegation in Yerevan"],
    }),
    ("Laurent Dufresne", P, None, {"b07": ["ICRC spokesperson Laurent Dufresne", "Laurent Dufresne"]}),
    ("Médecins Sans Frontières (MSF)", O, None, {
        "a06": ["Doctors Without Borders", "MSF"],
        "c05": ["Médecins Sans Frontières", "MSF"],
        "d08": ["Médecins Sans Frontières", "MSF", "the charity", "the organisation"],
    }),
    ("Michel Aubert", P, None, {"a06": ["Michel Aubert"]}),
    ("Claudine Baraka", P, None, {"c05": ["Dr Claudine Baraka", "Claudine Baraka"]}),
    ("Tomás Arrieta", P, None, {"d08": ["Dr Tomás Arrieta", "Tomás Arrieta"]}),
    ("Human Rights Watch", O, None, {
        "b06": ["Human Rights Watch", "The group"],
        "c03": ["Human Rights Watch", "the rights group"],
    }),
    ("Naw Eh Paw", P, None, {"b06": ["Naw Eh Paw"]}),
    ("Amnesty International", O, None, {
        "a06": ["Amnesty International"],
        "b06": ["Amnesty International", "Amnesty"],
    }),
    ("Priya Raman", P, None, {"b06": ["Priya Raman"]}),
    ("ACLED", O, None, {
        "c03": ["the Armed Conflict Location and Event Data Project",
                "Armed Conflict Location and Event Data Project", "ACLED"],
        "d05": ["the NGO ACLED", "ACLED"],
        "d08": ["the Armed Conflict Location and Event Data Project",
                "Armed Conflict Location and Event Data Project"],
    }),
    ("Association of Southeast Asian Nations (ASEAN)", O, None, {
        "b06": ["The Association of Southeast Asian Nations", "Association of Southeast Asian Nations"],
        "e05": ["the Association of Southeast Asian Nations", "Association of Southeast Asian Nations"],
    }),
    ("African Union", O, None, {"c03": ["The African Union"]}),
    ("AUSSOM", O, None, {
        "d01": ["The African Union Support and Stabilisation Mission in Somalia",
                "African Union Support and Stabilisation Mission in Somalia", "AUSSOM"]}),
    # ------------------------------------------------------------ Israel / Palestine / Lebanon / Syria
    ("Israel", C, "Israel", {
        "a03": ["Israel"], "a08": ["Israel"], "c06": ["Israel"], "c08": ["Israel"], "e06": ["Israel"]}),
    ("Israel Defense Forces", M, "Israel", {
        "a03": ["The Israeli military", "the Israeli army"],
        "a08": ["The Israeli military"],
        "c06": ["The Israeli military", "The military", "IDF"],
        "c08": ["An Israeli military spokesman"],
        "e06": ["The Israeli military", "The military", "Israel's military"],
    }),
    ("Eitan Shalev", P, "Israel", {
        "e06": ["Israeli army spokesman Lieutenant Colonel Eitan Shalev", "Eitan Shalev"]}),
    ("Hamas", A, "Palestine", {
        "a03": ["Hamas"], "a08": ["Hamas"], "c06": ["Hamas"], "e06": ["Hamas"]}),
    ("Hamas armed wing", A, "Palestine", {"c06": ["The group's armed wing"]}),
    ("Khalil Abu Sharkh", P, "Palestine", {"e06": ["Political bureau member Khalil Abu Sharkh",
                                                  "Khalil Abu Sharkh"]}),
    ("Gaza Ministry of Health", G, "Palestine", {
        "a03": ["Gaza's Health Ministry", "The ministry"],
        "c06": ["Gaza's Ministry of Health", "the health ministry", "the Hamas-run health ministry"],
        "e06": ["The health ministry in the Hamas-run territory", "the health ministry in Gaza",
                "The ministry"],
    }),
    ("Gaza Civil Defence", G, "Palestine", {
        "a03": ["Gaza's Civil Defence", "Civil Defence"],
        "c06": ["Gaza's Civil Defence agency"],
        "e06": ["the Palestinian civil defence"],
    }),
    ("Khaled al-Masri", P, "Palestine", {"a03": ["Civil Defence spokesperson Khaled al-Masri",
                                                "Khaled al-Masri"]}),
    ("Khaled Shurrab", P, "Palestine", {"c06": ["Khaled Shurrab"]}),
    ("Ahmad Zaqout", P, "Palestine", {"e06": ["civil defence spokesman Ahmad Zaqout", "Ahmad Zaqout"]}),
    ("Gaza Humanitarian Foundation", O, None, {
        "c06": ["Gaza Humanitarian Foundation", "GHF", "The GHF", "the foundation"]}),
    ("Mahmoud Abu Taha", P, "Palestine", {"c06": ["Mahmoud Abu Taha"]}),
    ("Sami Qudaih", P, "Palestine", {"c06": ["Dr Sami Qudaih", "Sami Qudaih"]}),
    ("Umm Fadi al-Hattab", P, "Palestine", {"e06": ["Umm Fadi al-Hattab"]}),
    ("Hezbollah", A, "Lebanon", {"a08": ["Hezbollah", "the militant group"]}),
    ("Lebanon", C, "Lebanon", {"a08": ["Lebanese officials"]}),
    ("Prime Minister of Lebanon", P, "Lebanon", {"a08": ["Lebanon's prime minister"]}),
    ("Lebanese Ministry of Public Health", G, "Lebanon", {
        "a08": ["Lebanon's Health Ministry", "The Health Ministry", "the Health Ministry"]}),
    ("National News Agency (Lebanon)", OUT, "Lebanon", {
        "a08": ["Lebanon's state-run National News Agency", "National News Agency"]}),
    ("Ali Hamdan", P, "Lebanon", {"a08": ["Ali Hamdan"]}),
    ("Syrian government", G, "Syria", {
        "c08": ["the Syrian government", "Syria's interim authorities"]}),
    ("Syrian government forces", M, "Syria", {
        "c08": ["Syrian government forces", "government forces", "the regime's forces"]}),
    ("Ahmed al-Sharaa", P, "Syria", {"c08": ["President Ahmed al-Sharaa", "Ahmed al-Sharaa"]}),
    ("Ministry of Interior of Syria", G, "Syria", {"c08": ["Syria's interior ministry"]}),
    ("Samer al-Haddad", P, "Syria", {"c08": ["Interior ministry spokesman Samer al-Haddad",
                                            "Samer al-Haddad"]}),
    ("Ministry of Health of Syria", G, "Syria", {"c08": ["Syria's health ministry"]}),
    ("Ministry of Foreign Affairs of Syria", G, "Syria", {"c08": ["Syria's foreign ministry"]}),
    ("Yusuf Abu Fakhr", P, "Syria", {"c08": ["Sheikh Yusuf Abu Fakhr", "Yusuf Abu Fakhr"]}),
    ("Syrian Observatory for Human Rights", O, None, {
        "c08": ["The Britain-based Syrian Observatory for Human Rights",
                "Syrian Observatory for Human Rights", "the Syrian Observatory"]}),
    ("Syrian Network for Human Rights", O, None, {
        "c08": ["The Syrian Network for Human Rights", "Syrian Network for Human Rights"]}),
    # ------------------------------------------------------------ Yemen / Red Sea
    ("Houthis (Ansar Allah)", A, "Yemen", {
        "b04": ["Yemen's Houthi rebels", "Houthi rebels", "the Iran-backed group", "the Iran-backed Houthis",
                "the Houthis", "The Houthis", "the group"],
        "d08": ["Houthi rebels", "the Houthis", "the group", "the rebels"],
    }),
    ("Abdulmalik al-Hamdani", P, "Yemen", {
        "b04": ["Houthi military spokesman Brig. Gen. Abdulmalik al-Hamdani", "Abdulmalik al-Hamdani",
                "Al-Hamdani"]}),
    ("Abdulqawi al-Mutawakkil", P, "Yemen", {
        "d08": ["A Houthi military spokesman, Brigadier Abdulqawi al-Mutawakkil", "Abdulqawi al-Mutawakkil"]}),
    ("Houthi-run health ministry", G, "Yemen", {"b04": ["The Houthi-run health ministry"]}),
    ("Government of Yemen (internationally recognised)", G, "Yemen", {
        "d08": ["Yemen's internationally recognised government", "government forces"]}),
    ("Khalid Bamatraf", P, "Yemen", {"d08": ["The information minister, Khalid Bamatraf", "Khalid Bamatraf"]}),
    ("Saudi-led coalition", M, "Saudi Arabia", {"d08": ["The Saudi-led coalition"]}),
    ("Saudi Arabia", C, "Saudi Arabia", {"b04": ["Saudi Arabia"]}),
    ("Ministry of Foreign Affairs of Iran", G, "Iran", {"b04": ["Iran's foreign ministry"]}),
    ("Kallisti Maritime", O, "Greece", {"b04": ["Kallisti Maritime", "the company"]}),
    ("Lina Haddad", P, None, {"b04": ["Lina Haddad"]}),
    ("Gulfstream Risk", O, None, {"b04": ["the Dubai-based consultancy Gulfstream Risk", "Gulfstream Risk"]}),
    ("Amina Saleh", P, "Yemen", {"d08": ["Amina Saleh"]}),
    # ------------------------------------------------------------ Sudan
    ("Rapid Support Forces", A, "Sudan", {
        "a06": ["Rapid Support Forces", "The RSF", "RSF", "the paramilitary", "The group"],
        "e01": ["Rapid Support Forces", "The RSF", "RSF", "the group"],
    }),
    ("Mustafa Idris Haroun", P, "Sudan", {"e01": ["An RSF adviser, Mustafa Idris Haroun",
                                                 "Mustafa Idris Haroun"]}),
    ("Sudanese Armed Forces", M, "Sudan", {
        "a06": ["The Sudanese military", "the military", "the army"],
        "e01": ["the army"],
    }),
    ("Government of Sudan (army-aligned)", G, "Sudan", {"e01": ["Sudan's army-aligned government"]}),
    ("Sudan Ministry of Culture and Information", G, "Sudan", {"e01": ["The Ministry of Culture and Information"]}),
    ("Haidar Osman Babiker", P, "Sudan", {"e01": ["Information Minister Haidar Osman Babiker",
                                                 "Haidar Osman Babiker"]}),
    ("Sudan federal health ministry", G, "Sudan", {"e01": ["The federal health ministry"]}),
    ("North Kordofan state health directorate", G, "Sudan", {"e01": ["the state health directorate"]}),
    ("Abdelkhalig Wad Elnour", P, "Sudan", {"e01": ["Abdelkhalig Wad Elnour", "the state governor"]}),
    ("Amna Khalafalla", P, "Sudan", {"e01": ["Amna Khalafalla", "Khalafalla"]}),
    ("Emergency Response Room in Sheikan locality", O, "Sudan", {
        "e01": ["the Emergency Response Room in Sheikan locality", "The network"]}),
    ("Darfur Emergency Medical Committee", O, "Sudan", {
        "a06": ["The Darfur Emergency Medical Committee", "the committee"]}),
    ("Fatima Adam", P, "Sudan", {"a06": ["Fatima Adam"]}),
    # ------------------------------------------------------------ Myanmar
    ("Myanmar armed forces (Tatmadaw)", M, "Myanmar", {
        "b06": ["Myanmar military", "the military", "The military", "A military spokesperson"],
        "c04": ["Tatmadaw", "The Tatmadaw"],
        "e05": ["the military", "Myanmar's military"],
    }),
    ("State Administration Council (Myanmar junta)", G, "Myanmar", {
        "b06": ["Myanmar's military government", "The junta"],
        "c04": ["the State Administration Council", "The State Administration Council"],
        "e05": ["Junta", "the junta"],
    }),
    ("Information Team of the State Administration Council", G, "Myanmar", {
        "c04": ["the Information Team of the State Administration Council", "the Information Team",
                "the True News Information Team", "True News Information Team"]}),
    ("Than Htike Aung", P, "Myanmar", {
        "c04": ["Deputy Information Minister Major General Than Htike Aung", "Than Htike Aung",
                "The Deputy Minister"]}),
    ("Kyaw Lin Oo", P, "Myanmar", {
        "e05": ["Junta spokesperson Major General Kyaw Lin Oo", "Kyaw Lin Oo"]}),
    ("MRTV", OUT, "Myanmar", {"b06": ["state broadcaster MRTV", "MRTV"], "e05": ["state-run MRTV", "MRTV"]}),
    ("Myanmar News Agency (MNA)", OUT, "Myanmar", {"c04": ["MNA"]}),
    ("Thabeikkyin township administration", G, "Myanmar", {"c04": ["the township administration"]}),
    ("National Unity Government", G, "Myanmar", {
        "b06": ["National Unity Government", "NUG"],
        "c04": ["the so-called National Unity Government", "National Unity Government"],
        "e05": ["The shadow National Unity Government", "National Unity Government", "NUG",
                "the government in exile"],
    }),
    ("U Aung Myo Win", P, "Myanmar", {"e05": ["NUG human rights minister U Aung Myo Win", "U Aung Myo Win"]}),
    ("People's Defence Force", A, "Myanmar", {
        "b06": ["People's Defence Force", "PDF"],
        "c04": ["PDF", "the PDF"],
        "e05": ["the PDF"],
    }),
    ("Taze Township People's Defence Force", A, "Myanmar", {
        "e05": ["the Taze Township People's Defence Force", "Taze Township People's Defence Force"]}),
    ("Ko Thet Naing", P, "Myanmar", {"e05": ["Ko Thet Naing", "the PDF spokesperson"]}),
    ("Ko Thura", P, "Myanmar", {"b06": ["Ko Thura"]}),
    ("U Kyaw Min Oo", P, "Myanmar", {"c04": ["U Kyaw Min Oo"]}),
    ("Thida Win", P, "Myanmar", {"c04": ["Dr Thida Win", "Thida Win"]}),
    ("Daw Khin Myo Aye", P, "Myanmar", {"e05": ["Daw Khin Myo Aye"]}),
    ("Assistance Association for Political Prisoners", O, "Myanmar", {
        "b06": ["The Assistance Association for Political Prisoners",
                "Assistance Association for Political Prisoners"]}),
    ("Burma Human Rights Monitor Network", O, "Myanmar", {
        "e05": ["The Burma Human Rights Monitor Network", "Burma Human Rights Monitor Network", "the network"]}),
    ("Chindwin Voice", OUT, "Myanmar", {"e05": ["Chindwin Voice"]}),
    # ------------------------------------------------------------ Sahel
    ("JNIM", A, "Mali", {
        "c03": ["Group for the Support of Islam and Muslims", "JNIM"],
        "d05": ["The Al-Qaeda-linked Group for the Support of Islam and Muslims",
                "Group for the Support of Islam and Muslims", "JNIM"],
        "e08": ["The insurgent group Jama'at Nusrat al-Islam wal-Muslimin",
                "Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", "The group"],
    }),
    ("Islamic State Sahel Province", A, None, {"c03": ["the Islamic State Sahel Province",
                                                     "Islamic State Sahel Province"]}),
    ("Malian Armed Forces (FAMa)", M, "Mali", {
        "c03": ["The Malian Armed Forces", "Malian Armed Forces", "FAMa", "Malian forces",
                "The Malian army", "the army"],
        "e08": ["the Malian armed forces", "Malian armed forces", "FAMa", "The army", "the army"],
    }),
    ("DIRPA (Malian army information directorate)", M, "Mali", {
        "e08": ["the army's information and public relations directorate", "DIRPA"]}),
    ("Adama Kanouté", P, "Mali", {"e08": ["Lieutenant-Colonel Adama Kanouté", "Adama Kanouté"]}),
    ("Malian transitional government (junta)", G, "Mali", {
        "c03": ["The junta", "The generals in Bamako", "Bamako"],
        "e08": ["The junta", "the military government", "The authorities"],
    }),
    ("Abdoulaye Maïga-Traoré", P, "Mali", {
        "c03": ["Government spokesman Colonel Abdoulaye Maïga-Traoré", "Abdoulaye Maïga-Traoré"]}),
    ("Africa Corps", A, "Russia", {"c03": ["the Africa Corps", "Africa Corps"]}),
    ("Ibrahima Coulibaly", P, "Mali", {
        "e08": ["General Ibrahima Coulibaly", "Ibrahima Coulibaly", "The governor of the Bandiagara region"]}),
    ("ORTM", OUT, "Mali", {"e08": ["state television ORTM", "ORTM"]}),
    ("Sahel Actu Hebdo", OUT, None, {"e08": ["Sahel Actu Hebdo"]}),
    ("Bandiagara youth association", O, "Mali", {"e08": ["the Bandiagara youth association"]}),
    ("Oumar Guindo", P, "Mali", {"e08": ["Oumar Guindo"]}),
    ("Aïssata Tembély", P, None, {"e08": ["Aïssata Tembély"]}),
    ("Observatoire sahélien des droits humains", O, None, {
        "e08": ["the Dakar-based Observatoire sahélien des droits humains",
                "Observatoire sahélien des droits humains"]}),
    ("Aïssata Cissé", P, "Mali", {"c03": ["Aïssata Cissé"]}),
    ("Mohamed Ag Ahmedou", P, "Mali", {"c03": ["Mohamed Ag Ahmedou"]}),
    ("Fatoumata Keïta", P, None, {"c03": ["Fatoumata Keïta"]}),
    ("Burkina Faso military government (junta)", G, "Burkina Faso", {
        "d05": ["Burkina Faso's military government", "The junta", "the junta"]}),
    ("Burkina Faso armed forces", M, "Burkina Faso", {"d05": ["the army", "The army"]}),
    ("RTB (Radiodiffusion Télévision du Burkina)", OUT, "Burkina Faso", {"d05": ["state television RTB", "RTB"]}),
    ("Boukary Tiendrébéogo", P, None, {"d05": ["Boukary Tiendrébéogo"]}),
    # ------------------------------------------------------------ DR Congo / Great Lakes
    ("M23", A, "DR Congo", {
        "c05": ["M23 rebels", "the M23", "The M23", "M23", "the rebels", "The rebels"]}),
    ("Emmanuel Rutayisire", P, "DR Congo", {"c05": ["Emmanuel Rutayisire"]}),
    ("Government of the DR Congo", G, "DR Congo", {
        "c05": ["The Congolese government"],
        "e03": ["the Congolese authorities"],
    }),
    ("Armed Forces of the DR Congo (FARDC)", M, "DR Congo", {
        "c05": ["the Congolese army"],
        "e03": ["the Congolese armed forces", "FARDC"],
    }),
    ("Jules Ngongo", P, "DR Congo", {"e03": ["Lieutenant Jules Ngongo", "Jules Ngongo"]}),
    ("South Kivu provincial government", G, "DR Congo", {"c05": ["the provincial government"]}),
    ("Jean-Paul Mulume", P, "DR Congo", {
        "c05": ["South Kivu's deputy governor", "Jean-Paul Mulume", "Mr Mulume"]}),
    ("Rwanda", C, "Rwanda", {"c05": ["Rwanda", "Kigali"]}),
    ("Burundi", C, "Burundi", {"c05": ["Burundi"]}),
    ("Burundian army", M, "Burundi", {"c05": ["Burundian army"]}),
    ("Floribert Biyereke", P, "Burundi", {"c05": ["Col Floribert Biyereke", "Floribert Biyereke"]}),
    ("Esperance Nshimirimana", P, "DR Congo", {"c05": ["Esperance Nshimirimana"]}),
    ("CODECO", A, "DR Congo", {
        "e03": ["the CODECO militia", "CODECO", "A man identifying himself as a CODECO spokesperson",
                "the spokesperson"]}),
    ("Horizon Relief International", O, None, {
        "e03": ["Horizon Relief International", "HRI", "the HRI press office"]}),
    ("Claudine Mbuyi", P, None, {"e03": ["Claudine Mbuyi", "Mbuyi"]}),
    ("Djugu territory administrator's office", G, "DR Congo", {
        "e03": ["The Djugu territory administrator's office"]}),
    # ------------------------------------------------------------ Somalia
    ("Al-Shabaab", A, "Somalia", {
        "d01": ["Al Shabaab", "al Shabaab", "Al Shabaab militants", "The group", "the militants"]}),
    ("Andalus radio", OUT, "Somalia", {"d01": ["its Andalus radio station", "Andalus"]}),
    ("Somali Police Force", G, "Somalia", {"d01": ["police"]}),
    ("Abdiqani Hassan Warsame", P, "Somalia", {"d01": ["Police spokesman Abdiqani Hassan Warsame",
                                                      "Abdiqani Hassan Warsame"]}),
    ("Somalia Ministry of Internal Security", G, "Somalia", {"d01": ["The Ministry of Internal Security"]}),
    ("Ahmed Nur Dhoobe", P, "Somalia", {"d01": ["Internal Security Minister Ahmed Nur Dhoobe",
                                               "Ahmed Nur Dhoobe"]}),
    ("Federal Government of Somalia", G, "Somalia", {"d01": ["the government", "Somalia's central government"]}),
    ("Aamin Ambulance", O, "Somalia", {"d01": ["Aamin Ambulance"]}),
    ("Abdirahman Sheikh Nur", P, "Somalia", {"d01": ["Abdirahman Sheikh Nur"]}),
    ("Farhiya Osman", P, "Somalia", {"d01": ["Farhiya Osman"]}),
    ("Hodan Ali", P, "Somalia", {"d01": ["Hodan Ali"]}),
    ("Mohamed Abdullahi", P, "Somalia", {"d01": ["Mohamed Abdullahi"]}),
    # ------------------------------------------------------------ Haiti
    ("Gran Grif", A, "Haiti", {"d02": ["the Gran Grif gang", "Gran Grif", "the gang"]}),
    ("Haitian National Police", G, "Haiti", {
        "d02": ["Haiti's National Police", "the Haitian National Police", "Haitian National Police",
                "The police", "the police"]}),
    ("National Human Rights Defense Network", O, "Haiti", {
        "d02": ["the National Human Rights Defense Network", "National Human Rights Defense Network",
                "the human rights network"]}),
    ("Gédéon Bastien", P, "Haiti", {"d02": ["Gédéon Bastien"]}),
    ("Jean-Robert Dorval", P, "Haiti", {"d02": ["Jean-Robert Dorval", "the town's deputy mayor"]}),
    ("Transitional Presidential Council", G, "Haiti", {"d02": ["Haiti's Transitional Presidential Council",
                                                              "Transitional Presidential Council"]}),
    ("Multinational Security Support mission", O, None, {
        "d02": ["the Kenyan-led Multinational Security Support mission", "Multinational Security Support mission",
                "the mission"]}),
    ("Bernard Kiprono", P, None, {"d02": ["Bernard Kiprono"]}),
    ("Marie-Claude Joseph", P, "Haiti", {"d02": ["Marie-Claude Joseph"]}),
    ("Wilner Saint-Fleur", P, "Haiti", {"d02": ["Wilner Saint-Fleur"]}),
    # ------------------------------------------------------------ Ethiopia
    ("Ethiopian National Defense Force", M, "Ethiopia", {
        "d03": ["the Ethiopian federal army", "the federal army"]}),
    ("Government of Ethiopia", G, "Ethiopia", {"d03": ["The government", "the government"]}),
    ("Government Communication Service (Ethiopia)", G, "Ethiopia", {"d03": ["The Government Communication Service"]}),
    ("Fano", A, "Ethiopia", {"d03": ["Fano"]}),
    ("Asres", P, "Ethiopia", {"d03": ["Asres", "A Fano commander in the area"]}),
    ("Ethiopian Human Rights Commission", O, "Ethiopia", {"d03": ["The Ethiopian Human Rights Commission"]}),
    ("Getachew Ayele", P, "Ethiopia", {"d03": ["Getachew Ayele", "Getachew"]}),
    ("Meseret Alemu", P, "Ethiopia", {"d03": ["Dr Meseret Alemu", "Meseret Alemu", "Dr Meseret"]}),
    ("Lulit Haile", P, "Ethiopia", {"d03": ["Lulit Haile"]}),
    # ------------------------------------------------------------ Colombia
    ("Jaime Martínez front", A, "Colombia", {
        "d06": ["the Jaime Martínez front", "The Jaime Martínez front", "Jaime Martínez front", "the group"]}),
    ("Estado Mayor Central (EMC)", A, "Colombia", {"d06": ["the Central General Staff", "Central General Staff",
                                                         "EMC"]}),
    ("Colombian National Police", G, "Colombia", {"d06": ["Police"]}),
    ("Hernán Gutiérrez Lozada", P, "Colombia", {
        "d06": ["police commander Colonel Hernán Gutiérrez Lozada", "Hernán Gutiérrez Lozada"]}),
    ("Government of Colombia", G, "Colombia", {"d06": ["the government", "the state"]}),
    ("Ministry of National Defence of Colombia", G, "Colombia", {"d06": ["The Defence Ministry"]}),
    ("Germán Arboleda Quintero", P, "Colombia", {"d06": ["Vice Minister Germán Arboleda Quintero",
                                                        "Germán Arboleda Quintero"]}),
    ("Colombian army", M, "Colombia", {"d06": ["the army"]}),
    ("Ombudsman's Office of Colombia", G, "Colombia", {"d06": ["the Ombudsman's Office"]}),
    ("Claudia Restrepo Vanegas", P, "Colombia", {"d06": ["Ombudswoman Claudia Restrepo Vanegas",
                                                        "Claudia Restrepo Vanegas", "Restrepo"]}),
    ("Andrés Felipe Mejía Ochoa", P, "Colombia", {"d06": ["Opposition senator Andrés Felipe Mejía Ochoa",
                                                         "Andrés Felipe Mejía Ochoa"]}),
    ("High Commissioner for Peace of Colombia", P, "Colombia", {"d06": ["the peace commissioner"]}),
    ("Regional Indigenous Council of Cauca (CRIC)", O, "Colombia", {
        "d06": ["The Regional Indigenous Council of Cauca", "Regional Indigenous Council of Cauca", "CRIC",
                "The council"]}),
    ("Cauca departmental government", G, "Colombia", {"d06": ["the departmental government"]}),
    ("Luz Dary Mina", P, "Colombia", {"d06": ["Luz Dary Mina"]}),
    # ------------------------------------------------------------ Pakistan / India
    ("Pakistan", C, "Pakistan", {"d07": ["Pakistan"], "e07": ["Pakistan"]}),
    ("India", C, "India", {"d07": ["India"]}),
    ("Inter-Services Public Relations (ISPR)", M, "Pakistan", {
        "d07": ["The Inter-Services Public Relations", "Inter-Services Public Relations", "ISPR", "The ISPR"],
        "e04": ["the Inter-Services Public Relations", "Inter-Services Public Relations", "ISPR",
                "The military's media wing"],
    }),
    ("Pakistan Army", M, "Pakistan", {"d07": ["Pakistani troops"]}),
    ("Indian Army", M, "India", {
        "d07": ["Indian troops", "the Indian army", "Indian forces", "army officials in Srinagar"]}),
    ("Ministry of Foreign Affairs of Pakistan", G, "Pakistan", {"d07": ["The Foreign Office in Islamabad"]}),
    ("Saima Rauf", P, "Pakistan", {"d07": ["Neelum Deputy Commissioner Saima Rauf", "Saima Rauf"]}),
    ("Raja Tanveer Akhtar", P, "Pakistan", {"d07": ["Raja Tanveer Akhtar"]}),
    ("Ghulam Mustafa", P, "Pakistan", {"d07": ["Ghulam Mustafa"]}),
    ("Zubaida Bibi", P, "Pakistan", {"d07": ["Zubaida Bibi"]}),
    ("Saeed Ahmed Lango", P, "Pakistan", {"e04": ["Deputy Commissioner Kech Saeed Ahmed Lango",
                                                 "Saeed Ahmed Lango"]}),
    ("Balochistan police", G, "Pakistan", {"e04": ["Police"]}),
    ("Frontier Corps", M, "Pakistan", {"e04": ["the Frontier Corps", "Frontier Corps"]}),
    ("Mir Sohail Zehri", P, "Pakistan", {
        "e04": ["The Chief Minister's Adviser on Information, Mir Sohail Zehri", "Mir Sohail Zehri",
                "Mr Zehri"]}),
    ("Government of Balochistan", G, "Pakistan", {"e04": ["the provincial government"]}),
    ("Balochistan home department", G, "Pakistan", {"e04": ["the provincial home department"]}),
    ("Home Minister of Balochistan", P, "Pakistan", {"e04": ["the provincial home minister"]}),
    ("Prime Minister of Pakistan", P, "Pakistan", {"e04": ["the prime minister"]}),
    ("Federal Interior Minister of Pakistan", P, "Pakistan", {"e04": ["the federal interior minister"]}),
    ("Leader of the Opposition, Balochistan Assembly", P, "Pakistan", {
        "e04": ["the leader of the opposition in the provincial assembly", "The opposition leader"]}),
    ("Balochistan Liberation Front", A, "Pakistan", {
        "e04": ["The insurgent group Balochistan Liberation Front", "Balochistan Liberation Front", "BLF",
                "The group's spokesman"]}),
    ("Abdul Ghani", P, "Pakistan", {"e04": ["Abdul Ghani"]}),
    # ------------------------------------------------------------ Armenia / Azerbaijan
    ("Armenia", C, "Armenia", {"e07": ["Armenia", "Yerevan"]}),
    ("Ministry of Foreign Affairs of Armenia", G, "Armenia", {
        "e07": ["the Ministry of Foreign Affairs of Armenia", "Ministry of Foreign Affairs of Armenia",
                "The Ministry of Foreign Affairs of the Republic of Armenia"]}),
    ("Ministry of Defence of Armenia", M, "Armenia", {"e07": ["Armenia's Defence Ministry"]}),
    ("Anahit Petrosyan", P, "Armenia", {"e07": ["Anahit Petrosyan"]}),
    ("Armenian armed forces", M, "Armenia", {"e07": ["Armenian forces"]}),
    ("Artsakh Defence Army", M, "Nagorno-Karabakh", {"e07": ["The Karabakh army"]}),
    ("State Emergency Service of Nagorno-Karabakh", G, "Nagorno-Karabakh", {
        "e07": ["the State Emergency Service of Nagorno-Karabakh", "State Emergency Service of Nagorno-Karabakh"]}),
    ("Karen Avanesyan", P, "Nagorno-Karabakh", {"e07": ["Karen Avanesyan"]}),
    ("Azerbaijan", C, "Azerbaijan", {
        "e07": ["Azerbaijan", "Baku", "Azerbaijan's military-political leadership"]}),
    ("Azerbaijani Armed Forces", M, "Azerbaijan", {"e07": ["the armed forces of Azerbaijan"]}),
    ("Ministry of Defence of Azerbaijan", M, "Azerbaijan", {"e07": ["Azerbaijan's Defence Ministry"]}),
    ("Prosecutor General's Office of Azerbaijan", G, "Azerbaijan", {
        "e07": ["Azerbaijan's Prosecutor General's Office"]}),
    ("Presidential Administration of Azerbaijan", G, "Azerbaijan", {"e07": ["the Presidential Administration"]}),
    ("Elnur Mammadli", P, "Azerbaijan", {"e07": ["Elnur Mammadli", "Mammadli"]}),
]

# (article_key, surface, why)
NOT_ACTORS = [
    # weapons, aircraft, vessels, munitions
    ("000", "HIMARS", "weapon system (US-made rockets), not an actor"),
    ("001", "HIMARS", "weapon system, not an actor"),
    ("a05", "HIMARS", "weapon system, not an actor"),
    ("a04", "Shahed", "drone type, not an actor"),
    ("a04", "Iskander-M", "ballistic missile type, not an actor"),
    ("a04", "Kh-101", "cruise missile type, not an actor"),
    ("a04", "Tu-95", "bomber aircraft type, not an actor"),
    ("b01", "Iskander-M", "missile type, not an actor"),
    ("b01", "Patriot", "air defence system, not an actor"),
    ("a07", "Iskander", "missile type, not an actor"),
    ("b03", "IRIS-T", "air defence system, not an actor"),
    ("b06", "OFAB-250", "bomb type, not an actor"),
    ("b08", "Su-34", "bomber aircraft type, not an actor"),
    ("b08", "Vampire", "rocket launcher type (Czech-made MLRS), not an actor"),
    ("c01", "Kh-59/69", "guided missile type, not an actor"),
    ("c03", "Bayraktar TB2", "drone type, not an actor (Turkey is the actor)"),
    ("d04", "Tochka-U", "tactical missile type, not an actor"),
    ("d04", "M113", "armoured personnel carrier type, not an actor"),
    ("a05", "Bradley", "fighting vehicle type, not an actor"),
    ("a05", "Krab", "self-propelled howitzer type, not an actor"),
    ("a05", "JDAM", "guided bomb type, not an actor"),
    ("e02", "Su-34", "aircraft type, not an actor"),
    ("e02", "Patriot", "air defence system, not an actor"),
    ("e02", "Iskander-M", "missile type, not an actor"),
    ("e07", "Scud-type missile", "missile type, not an actor"),
    ("b04", "F/A-18", "fighter jet type, not an actor"),
    ("b04", "USS Dwight D. Eisenhower", "warship, not an actor"),
    ("b04", "Aurelia Dawn", "merchant vessel (victim), not an actor"),
    ("000", "Malaysia Airlines Flight 17", "downed flight (event), not an actor"),
    ("a07", "Malaysia Airlines Flight 17", "downed flight (event), not an actor"),
    # platforms
    ("000", "Telegram", "messaging platform, not an actor"),
    ("000", "Twitter", "platform / photo credit, not an actor"),
    ("001", "Telegram", "messaging platform, not an actor"),
    ("a01", "Telegram", "messaging platform, not an actor"),
    ("a01", "X", "social platform, not an actor"),
    ("b02", "VKontakte", "social network hosting the video, not an actor"),
    ("e07", "Facebook", "social platform, not an actor"),
    ("e07", "Twitter", "social platform, not an actor"),
    # headline / page-chrome / dateline fragments
    ("a02", "Ukraine war", "headline rubric, not an actor"),
    ("d08", "Yemen war", "headline rubric, not an actor"),
    ("a05", "top brass", "headline tag for the Russian MoD source line, not a separate actor"),
    ("a08", "Share this article", "page chrome"),
    ("a08", "Advertisement", "page chrome"),
    ("a08", "Morning Wire", "newsletter name in page chrome"),
    ("a08", "Read more: Lebanon's new government pledges to extend army control to the Israeli border",
     "linked headline (page chrome); 'Lebanon's new government' inside it is not a speaker here"),
    ("001", "Support The Moscow Times!", "donation banner, page chrome"),
    ("001", "Sign up for our free weekly newsletter", "page chrome"),
    ("001", "Privacy Policy", "page chrome"),
    ("a05", "MOSCOW", "dateline place"),
    ("d04", "MOSCOW", "dateline place"),
    ("a06", "PORT SUDAN", "dateline place"),
    ("a08", "BEIRUT", "dateline place"),
    ("b04", "DUBAI", "dateline place"),
    ("c04", "NAY PYI TAW", "dateline place"),
    ("c08", "DAMASCUS", "dateline place"),
    ("d01", "MOGADISHU", "dateline place"),
    ("d02", "PORT-AU-PRINCE", "dateline place"),
    ("d07", "MUZAFFARABAD", "dateline place"),
    ("e01", "EL OBEID", "dateline place"),
    ("e02", "ZAPORIZHZHIA", "dateline place"),
    ("e03", "BUNIA", "dateline place"),
    ("e04", "QUETTA", "dateline place"),
    ("e05", "MONYWA", "dateline place"),
    ("e06", "GAZA CITY", "dateline place"),
    ("e08", "MOPTI", "dateline place"),
    ("d05", "Ouagadougou", "dateline place"),
    ("d06", "Bogotá", "dateline place (the EU delegation 'in Bogotá' is a separate actor)"),
    ("c01", "BST", "time-zone marker in live-blog timestamps"),
    ("e06", "dpa ks/mh xx a3 dis", "wire-service slug, not an actor"),
    # bylines and credits
    ("a01", "Dmytro Levchenko", "byline (reporting credit), not a participant"),
    ("a01", "Marta Kowal", "byline, not a participant"),
    ("a01", "Mark Ellsworth", "editing credit, not a participant"),
    ("a08", "RAMI KHOURY", "byline, not a participant"),
    ("a08", "Karim Haddad", "photo credit, not a participant (different person from Lina Haddad / Samer al-Haddad)"),
    ("a08", "David Levin", "contributor credit, not a participant"),
    ("c01", "Anna Hollis", "live-blog author credit"),
    ("c01", "Tom Reeve", "live-blog author credit"),
    ("c05", "Grace Mutesi", "byline"),
    ("c07", "Olena Savchuk", "byline (not the same person as Andrii Savchuk in e02)"),
    ("c08", "Karim Nassar", "byline"),
    ("c08", "Hala Mansour", "byline"),
    ("c08", "Simon Ashworth", "editing credit"),
    ("d01", "Abdullahi Warsame Jibril", "byline (not Abdiqani Hassan Warsame, not Mohamed Abdullahi)"),
    ("d01", "Duncan Mwangi", "writing credit"),
    ("d01", "Clare Beddows", "editing credit"),
    ("d02", "Jacques Duverger", "contributor credit"),
    ("d03", "Selamawit Tesfaye", "byline"),
    ("d08", "Hannah Whitcombe", "byline"),
    ("e01", "Hamid Ezzeldin", "byline"),
    ("e01", "Lina Mahgoub", "writing credit"),
    ("e01", "Peter Caldwell", "editing credit"),
    ("001", "Arkhangel Setsnaz / Telegram", "photo credit line; the channel itself is clustered as Arkhangel Spetsnaz"),
    # named victims / non-speaking people
    ("b01", "Daryna Levchenko", "named victim, says nothing (not the byline Dmytro Levchenko)"),
    ("c07", "Mykola", "victim's brother, missing; not a speaker"),
    ("e04", "Naveed", "named victim, not a speaker"),
    ("c08", "Bashar al-Assad", "historical reference only (fall of Assad), not acting in the text"),
    ("000", "Santa", "figure of speech inside a quote"),
    # places used only as places
    ("a01", "Sumy", "city, place only"),
    ("a01", "Brussels", "meeting place only"),
    ("a02", "Kyiv", "place only here ('in Kyiv, presidential adviser...'), not a speaker"),
    ("a02", "Zaporizhzhia", "city, place only"),
    ("a04", "Kharkiv Oblast", "region, place only"),
    ("a04", "Crimea", "launch area, place only"),
    ("a05", "Donetsk People's Republic", "used as a location ('in the Donetsk People's Republic')"),
    ("a05", "Yasnaya Polyana", "village, place only"),
    ("000", "Makiivka", "town, place only"),
    ("000", "Donetsk People's Republic", "mentioned as Girkin's former post / territory, not acting"),
    ("b02", "Kirov region", "region of origin, place only"),
    ("b02", "Pokrovsk", "front-line town, place only"),
    ("b04", "Mokha", "port, place only"),
    ("b04", "Bab el-Mandeb", "strait, place only"),
    ("b08", "Belgorod", "city, place only"),
    ("c03", "Kobou", "village, place only"),
    ("c05", "Uvira", "city, place only"),
    ("c06", "Nasser Hospital", "hospital as place; Dr Sami Qudaih is the speaker"),
    ("c07", "Kupiansk", "town, place only"),
    ("d07", "Line of Control", "de facto border, place only"),
    ("d07", "Combined Military Hospital", "hospital, place only"),
    ("e03", "Plaine Savo", "displacement site, place only"),
    ("e07", "Artsakh", "Armenian name for Nagorno-Karabakh, used as a place in the MFA statement"),
    ("e07", "Stepanakert", "city, place only"),
    ("e07", "Ganja", "city, place only"),
    # resolutions / documents / events
    ("a03", "UN Security Council Resolution 2735", "a resolution (document), not the Council acting"),
    ("a08", "U.N. Security Council Resolution 1701", "a resolution (document), not the Council acting"),
    ("b05", "Criminal Code of Ukraine", "statute, not an actor"),
    ("b06", "five-point consensus", "ASEAN document, not an actor"),
    ("a03", "Nakba", "historical event"),
    # unresolved bare plurals / generic roles
    ("a02", "officials", "bare 'officials say' in headline/lede; whose officials is not stated"),
    ("a06", "medics and aid groups", "unspecified sources"),
    ("a06", "Rights groups", "unspecified plural; Amnesty International is clustered separately"),
    ("a03", "medical sources", "unnamed sources"),
    ("a04", "local authorities", "unspecified plural"),
    ("b06", "Local relief volunteers", "unnamed plural sources"),
    ("b07", "officials in both countries", "plural spanning two sides; no single actor"),
    ("c01", "Local officials", "bare plural; not a single actor"),
    ("c01", "local officials", "bare plural in summary; not a single actor"),
    ("c02", "Western officials", "vague plural"),
    ("c02", "A senior Western official", "anonymous official, government not stated"),
    ("d05", "a security source", "anonymous source"),
    ("d05", "a local official in Dori", "anonymous official"),
    ("d07", "officials", "bare plural in lede"),
    ("e04", "officials", "bare plural in lede"),
    ("e08", "local officials", "bare plural"),
    ("001", "an unidentified Russian-appointed official", "anonymous official"),
    ("000", "former officials", "vague plural"),
    ("000", "pro-Russian bloggers", "vague plural (the named bloggers are clustered)"),
    ("001", "Russian pro-war bloggers", "vague plural"),
    ("001", "pro-Kremlin journalists", "vague plural"),
    ("a07", "pro-war military bloggers", "vague plural"),
    ("b02", "Pro-war military bloggers", "vague plural"),
    ("c02", "Russian military bloggers", "vague plural"),
    ("b02", "opposition Telegram channels", "unnamed channels"),
    ("b08", "Ukrainian Telegram channels", "unnamed channels"),
    ("b08", "Ukrainian propagandists", "vague pejorative plural"),
    ("b08", "a source in the regional administration", "anonymous source"),
    ("000", "an official Ukrainian military channel", "unnamed channel"),
    ("a01", "European defence ministers", "vague plural (meeting participants)"),
    ("a02", "Western partners", "vague plural"),
    ("b03", "Western partners", "vague plural"),
    ("b01", "its partners", "vague plural"),
    ("b01", "some European capitals", "criticised, but unnamed capitals; no single actor"),
    ("b08", "the West", "vague geopolitical collective, not one actor"),
    ("b08", "Not one Western capital", "vague collective"),
    ("a05", "its Western curators", "vague pejorative collective"),
    ("a05", "Western sponsors", "vague pejorative collective"),
    ("d04", "its Western handlers", "vague pejorative collective"),
    ("c03", "Western governments", "vague collective"),
    ("c03", "Bamako's partners", "vague collective"),
    ("c03", "foreign NGOs", "vague collective"),
    ("c04", "certain Western countries", "vague collective"),
    ("c04", "some foreign media", "vague collective"),
    ("c04", "exile media", "vague collective"),
    ("a08", "Israeli media", "unnamed outlets"),
    ("d07", "Indian media", "unnamed outlets"),
    ("d05", "A humanitarian worker", "anonymous source"),
    ("e04", "hostile elements across the border", "vague allegation, no identifiable actor"),
    ("c08", "Druze fighters", "generic collective, not a named group"),
    ("c08", "Bedouin tribal militias", "generic collective, not a named group"),
    ("c03", "A local youth association", "unnamed association"),
    ("e08", "The president of a local women's association", "unnamed person of an unnamed association"),
    ("d03", "this newspaper", "self-reference of an unnamed outlet"),
    ("e04", "Our correspondent in Turbat", "self-reference of the outlet's reporter"),
    # pejorative / context-dependent epithets (must never be merged across articles)
    ("a05", "the enemy", "epithet; here = Ukrainian forces in a Russian MoD text; referent flips by source"),
    ("b01", "The enemy", "epithet in a Ukrainian quote (= Russia); do not merge across articles"),
    ("b03", "The enemy", "epithet in a Ukrainian quote (= Russia)"),
    ("b05", "The enemy", "epithet in a Ukrainian quote (= Russian forces)"),
    ("b08", "the enemy", "epithet in a Russian tabloid (= Ukrainian forces)"),
    ("d04", "the enemy", "epithet in a Russian MoD text (= Ukrainian forces)"),
    ("e02", "the enemy", "epithet in a Ukrainian text (= Russian forces)"),
    ("c04", "the terrorists", "junta epithet for PDF groups; generic, do not merge across articles"),
    ("d06", "the terrorists", "epithet in a Colombian official's quote"),
    ("e06", "The occupation", "Hamas epithet for Israel; generic, do not merge"),
    ("a08", "the Zionist enemy", "Hezbollah epithet for Israel; generic, do not merge"),
    ("e05", "terrorist media", "junta epithet, no identifiable outlet"),
    # organisations named only as a modifier / affiliation
    ("d01", "al Qaeda", "mentioned only as Al Shabaab's ally; not acting"),
    ("c03", "al-Qaeda", "only inside 'al-Qaeda-linked'; not acting"),
    ("d05", "Al-Qaeda", "only inside 'Al-Qaeda-linked'; not acting"),
    ("b04", "Iran", "only inside 'Iran-backed'; Iran's foreign ministry is the actor"),
]


def resolve(art, name):
    text = TEXTS[art]
    if name in text:
        return name
    alt = name.replace("'", "\u2019")
    if alt in text:
        return alt
    return None


def main():
    errors = []
    seen = {}
    clusters_out = []
    names = set()
    for canon, typ, side, m in CLUSTERS:
        if canon in names:
            errors.append("duplicate cluster %s" % canon)
        names.add(canon)
        mentions = []
        for key, forms in m.items():
            art = KEY2ART.get(key)
            if art is None:
                errors.append("unknown article key %s" % key)
                continue
            done = set()
            for f in forms:
                r = resolve(art, f)
                if r is None:
                    errors.append("NOT FOUND [%s] %r (%s)" % (key, f, canon))
                    continue
                if r in done:
                    continue
                done.add(r)
                k = (art, r)
                if k in seen and seen[k] != canon:
                    errors.append("CONFLICT %s %r in %s and %s" % (key, r, seen[k], canon))
                seen[k] = canon
                mentions.append({"article": art, "name": r})
        clusters_out.append({"cluster": canon, "type": typ, "side": side, "mentions": mentions})
    na_out = []
    for key, name, why in NOT_ACTORS:
        art = KEY2ART.get(key)
        if art is None:
            errors.append("unknown article key %s" % key)
            continue
        r = resolve(art, name)
        if r is None:
            errors.append("NOT FOUND (not-actor) [%s] %r" % (key, name))
            continue
        if (art, r) in seen:
            errors.append("NOT-ACTOR CONFLICT [%s] %r is in cluster %s" % (key, r, seen[(art, r)]))
        na_out.append({"article": art, "name": r, "why": why})
    if errors:
        print("\n".join(errors))
        if "--force" not in sys.argv:
            sys.exit(1)
    with open(os.path.join(HERE, "gold_clusters.jsonl"), "w", encoding="utf-8") as fh:
        for c in clusters_out:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "gold_not_actors.jsonl"), "w", encoding="utf-8") as fh:
        for n in na_out:
            fh.write(json.dumps(n, ensure_ascii=False) + "\n")
    print("clusters=%d mentions=%d not_actors=%d" % (
        len(clusters_out), sum(len(c["mentions"]) for c in clusters_out), len(na_out)))


if __name__ == "__main__":
    main()
