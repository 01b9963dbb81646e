"""The Dutch evaluation set: how supervisors and participants describe what a person likes,
with the activity a coordinator would look for first. Used by tests/matcher/
test_matcher_words.py (accuracy floors) and bench/bench_words.py (the figures).

Each phrase is argued in its comment: why a coordinator reads it as that activity. Kinds:
occupation (what they did), hobby, task, negation (what they do not want, next to what they
do), compound (Dutch glues words), slip (a typing error). Workposts near Gent, one per
activity, described the way businesses write, mostly NOT with the person's words.
"""

PHRASES = [
    # -- occupations: the job someone had points to the tasks they know ----------------------
    ("was vroeger boekhouder", "administration"),            # bookkeeping -> office work
    ("werkte twintig jaar als kassierster in de Delhaize", "retail"),  # till -> shop
    ("ze was poetsvrouw in een school", "household"),          # cleaner -> cleaning
    ("hij was schrijnwerker tot zijn ongeval", "woodwork"),   # joiner -> wood workshop
    ("vroeger tuinman bij de stad", "green"),                  # gardener -> green work
    ("heeft als kok gewerkt in een brasserie", "kitchen"),     # cook -> kitchen (not bar)
    ("was magazijnier bij een grote keten", "logistics"),      # warehouseman -> warehouse
    ("ze werkte als naaister in een confectieatelier", "textile"),  # seamstress -> sewing
    ("oud-vrachtwagenchauffeur, rijdt nog graag", "transport"),  # truck driver -> driving
    ("was jaren fietsenmaker", "technical"),                   # bike repairer -> repairs
    ("heeft als zorgkundige in een rusthuis gewerkt", "care_support"),  # carer -> care
    ("was onthaalmedewerker bij een ziekenfonds", "reception"),  # front desk -> reception
    ("vroeger receptioniste in een hotel", "reception"),       # the hotel is where, not what
    ("was dierenverzorger in de zoo", "animal_care"),          # keeper -> animals
    ("oud-kleuterjuf", "education_support"),                   # teacher -> help at school
    ("werkte als programmeur", "digital"),                     # computers -> digital work
    ("was klusjesman in een sociaal woonproject", "maintenance"),  # handyman -> odd jobs
    ("vroeger boer met koeien en aardappelen", "agriculture"),  # a farmer grows things; the
    #   cows point to animals too, but the farm work (crops) is the first thing to look for
    ("ze was ober in een café", "hospitality"),                # waiter -> hospitality
    ("werkte als productiearbeider aan de band", "semi_industrial"),  # line work -> assembly
    ("was kinderverzorgster in een crèche", "childcare"),      # nursery nurse -> childcare

    # -- hobbies and likes ---------------------------------------------------------------------
    ("wil iets met hout maken", "woodwork"),                   # the issue's own example
    ("houdt van koken", "kitchen"),                            # cooking -> kitchen
    ("praat graag met oudere mensen", "care_support"),         # company for older people
    ("zit graag achter de computer", "digital"),               # computer work
    ("is gek op honden", "animal_care"),                       # dogs -> animal care
    ("naait haar eigen kleren", "textile"),                    # sewing
    ("tekent en schildert graag", "creative"),                 # drawing, painting -> crafts
    ("sleutelt graag aan brommers", "technical"),              # tinkering with mopeds
    ("werkt graag in de tuin", "green"),                       # garden
    ("speelt graag met kinderen", "childcare"),                # children
    ("bakt graag taarten", "kitchen"),                         # baking is kitchen work
    ("leest graag voor aan kinderen op school", "education_support"),  # reading help at school
    ("houdt van paarden", "animal_care"),                      # horses
    ("knutselt graag wenskaarten", "creative"),                # greeting cards
    ("rijdt graag rond met de auto", "transport"),             # driving
    ("vindt het leuk om mensen te ontvangen", "reception"),    # welcoming people
    ("zoekt graag spullen uit op de rommelmarkt", "sorting_reuse"),  # second-hand goods
    ("helpt graag op de boerderij met de oogst", "agriculture"),  # harvest -> agriculture

    # -- tasks, described plainly ------------------------------------------------------------
    ("documenten scannen en klasseren", "digital"),            # scanning first (digitising);
    #   filing alone would be administration, but the scanning is what needs a computer
    ("rekken aanvullen", "retail"),                            # shelf stocking -> shop
    ("dozen stapelen en bestellingen klaarzetten", "logistics"),  # order picking
    ("koffie schenken voor de gasten", "hospitality"),         # serving coffee -> café
    ("onkruid wieden en gras maaien", "green"),                # weeding, mowing
    ("kleren sorteren in de kringwinkel", "sorting_reuse"),    # second-hand shop
    ("etiketten kleven op potjes", "semi_industrial"),         # labelling -> packing line
    ("muren schilderen en kleine klusjes", "maintenance"),     # painting walls, odd jobs
    ("stallen uitmesten", "animal_care"),                      # mucking out -> animals
    ("strijken en was opplooien", "household"),                # ironing, laundry
    ("maaltijden rondbrengen bij mensen thuis", "transport"),  # meal delivery (a round)
    ("fietsen herstellen", "technical"),                       # bike repair
    ("toezicht op de speelplaats", "education_support"),       # playground supervision

    # -- negations: what they do not want, next to what they do -------------------------------
    ("liever niet in de keuken, wel graag in de tuin", "green"),  # keuken is avoided
    ("geen drukte, houdt van dieren", "animal_care"),          # calm wish + animals
    ("een hoog tempo schrikt hem af, maar hij werkt graag met hout", "woodwork"),
    ("liever niet met klanten, wel met de computer", "digital"),  # back office, computer
    ("wil niet poetsen maar wel koken", "kitchen"),            # household avoided, kitchen
    ("kan niet tegen lawaai, zou graag planten verzorgen in een serre", "agriculture"),
    ("geen winkel, ze wil naaien", "textile"),                 # shop avoided, sewing wanted

    # -- compounds: Dutch glues words together -----------------------------------------------
    ("kattenhokken kuisen in het asiel", "animal_care"),       # katten + hokken
    ("werkte in een dierenasiel", "animal_care"),              # dieren + asiel
    ("zoekt een houtatelier", "woodwork"),                     # hout + atelier
    ("wil in een fietsatelier", "technical"),                  # fiets + atelier
    ("ervaring in een grootkeuken", "kitchen"),                # groot + keuken
    ("graag in een kringwinkel", "sorting_reuse"),             # kring + winkel: not a shop
    ("droomt van een moestuin", "agriculture"),                # vegetable garden: growing
    ("vroeger in een strijkatelier", "household"),             # ironing workshop
    ("deed huiswerkbegeleiding", "education_support"),         # homework help

    # -- typing slips -------------------------------------------------------------------------
    ("was vroeger boekhouer", "administration"),               # one letter missing
    ("wil timmerne", "woodwork"),                              # two letters swapped
    ("werkt graag met dierne", "animal_care"),                 # swapped
    ("graag in de keukne", "kitchen"),                         # swapped
    ("houdt van tuinieren en plnaten", "green"),               # swapped in the second word
]

# One workpost per activity near Gent (9000), the way a business describes itself. The
# person's words mostly do not occur here: the vocabulary has to bridge them.
WORKPOSTS = [
    ("kitchen", "Sociaal restaurant De Smaak", "Wij bereiden elke middag 80 verse maaltijden. "
     "Je helpt bij het snijden van groenten, de afwas en het klaarzetten van de borden."),
    ("household", "Dienstencentrum Ledeberg", "Propere lokalen voor de buurt: stofzuigen, "
     "dweilen en de handdoeken van het centrum wassen en plooien."),
    ("green", "Tuinploeg Gentbrugge", "We onderhouden de parken en plantsoenen van de "
     "wijk: snoeien, harken en de perken netjes houden."),
    ("semi_industrial", "Maatwerkbedrijf Atelier Noord", "Inpakken van kleine onderdelen "
     "voor de industrie, zakjes vullen en dozen sluiten."),
    ("administration", "Boekhoudkantoor De Smet", "Klein kantoor: facturen inboeken, "
     "dossiers klasseren en de post openen."),
    ("agriculture", "Zorgboerderij Het Hof", "Groenten zaaien en oogsten in de serre en op "
     "het veld, fruit plukken in het seizoen."),
    ("childcare", "Kinderdagverblijf Pluim", "Mee zorgen voor baby's en peuters: spelen, "
     "flesjes geven, helpen bij het middagmaal."),
    ("animal_care", "Asiel De Vrolijke Poot", "Wij vangen verlaten honden en katten op. "
     "Voederen, hokken uitmesten en wandelen met de honden."),
    ("retail", "Buurtsuper Sint-Amandsberg", "Rekken vullen, prijzen controleren en de "
     "winkel proper houden."),
    ("hospitality", "Koffiehuis Het Pleintje", "Een gezellig buurtcafé: koffie en thee "
     "schenken, tafels afruimen, gasten verwelkomen aan de toog."),
    ("logistics", "Voedselopslag Gent-Haven", "Paletten ontvangen, de voorraad tellen en "
     "bestellingen klaarzetten in onze loods."),
    ("creative", "Kunstatelier De Kleurdoos", "We maken wenskaarten, keramiek en "
     "decoraties voor onze markt."),
    ("textile", "Naaiatelier Draad", "Kleding herstellen, zomen innemen en tassen maken "
     "van oude stoffen."),
    ("woodwork", "Werkplaats De Krul", "We timmeren vogelhuisjes en knappen oude meubels op "
     "met de schaaf en de schuurmachine."),
    ("technical", "Fietspunt Dampoort", "Banden plakken, remmen afstellen en tweedehands "
     "fietsen klaarmaken voor verkoop."),
    ("care_support", "Woonzorgcentrum De Linde", "Gezelschap voor onze bewoners: een "
     "koffieronde, een wandeling in de tuin, een kaartje leggen."),
    ("transport", "Mobiliteitsdienst OCMW", "Met de minibus ouderen naar het dagcentrum "
     "brengen en warme maaltijden leveren."),
    ("maintenance", "Technische dienst Wondelgem", "Kleine herstellingen aan de gebouwen, "
     "verfwerken en zwerfvuil opruimen rond het park."),
    ("sorting_reuse", "Kringwinkel Gent-Zuid", "Binnengebrachte spullen nakijken, sorteren "
     "en prijzen voor de winkel."),
    ("education_support", "Basisschool De Regenboog", "Leerlingen helpen met lezen, "
     "middagtoezicht en de refter klaarzetten."),
    ("digital", "Stadsarchief Gent", "Oude registers en foto's inscannen en de gegevens "
     "intypen in de databank."),
    ("reception", "Wijkgezondheidscentrum De Brug", "Bezoekers welkom heten aan de balie, "
     "de telefoon opnemen en de weg wijzen."),
]
