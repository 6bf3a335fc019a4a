/**
 * Common given names and surnames in the Netherlands (Dutch, Moroccan, Turkish, Surinamese,
 * Antillean, Moluccan, Polish, Syrian, Eritrean, Somali and Ukrainian backgrounds), for the
 * identifying-data guard. Lower-case and without diacritics where a diacritic-free spelling is
 * common; the scanner compares words folded the same way (lower case, diacritics removed).
 * A capitalised word found here counts as a name; a lower-case one only in the combinations the
 * scanner describes (after a title, or a given name followed by a surname).
 */
const words = (list: string) => list.split(/\s+/).filter(Boolean);

export const GIVEN_NAMES = new Set(
  words(`jan piet kees klaas henk gerrit willem hendrik johannes cornelis jacobus pieter hans peter paul marc mark martin
  erik eric frank johan joost jeroen bart tom thomas daan sem lucas levi finn milan noah luuk jesse bram ruben thijs
  stijn tim lars niels koen rik sander dennis michel marcel ronald richard robert rob wim bert ben bas dirk arie
  adriaan anton antonius paulus teun theo ton gijs joris maarten wouter vincent hugo olaf rutger sjaak sjoerd wiebe
  gert gerard harry frans joop jaap rinus dick fred hennie herman jos karel leo louis nico rene ruud stefan wilco
  ad ed kevin patrick jeffrey mike ricardo orlando glenn errol roy romano sven luca liam julian mees siem ties jayden
  mohammed mohamed ahmed ali omar youssef hamza ibrahim mustafa mehmet murat yusuf hassan khalid rachid karim
  samir bilal ayoub adam amir emre can deniz yassin ilias rayan zakaria soufiane nordin abdel abdelkader abdellah
  mustapha driss said ahmet huseyin hasan ismail osman burak kemal abdullah khaled rami samer ahmad yonas filmon abdi
  piotr tomasz krzysztof pawel marek sergii oleksandr dmytro
  maria anna johanna cornelia wilhelmina elisabeth hendrika geertruida catharina adriana petronella jacoba
  aaltje antje grietje trijntje neeltje jannetje dirkje klaasje
  els ellen ingrid anja annemarie marieke monique sandra petra linda mirjam esther ilse karin yvonne marjolein
  sanne lisa lotte emma julia sophie sara fleur eva anne anouk iris femke noor roos tess lieke mila zoe nina
  evi saskia wendy chantal kim priscilla jolanda yolanda gerda truus riet bep corrie nel ria mien to joke jopie
  ineke marja margriet hilde janneke wilma annie dini greet hanneke hetty jannie jenny lia marian marianne marion
  miep nelly rita sonja tineke trees willy betty diny henny tonny ans ank corry agnes carla elly lenie tiny coby riek
  sharon shirley gina nora yara liv saar fenna isa olivia maud
  fatima aisha khadija meryem zeynep elif ayse hatice emine nadia samira yasmina leila salma amina hanna
  hannah naima souad malika rachida hafida latifa houria zahra hanan ikram soumaya imane nour fatma esra busra
  ozlem sevgi aya rania rasha senait hodan faduma agnieszka katarzyna magdalena joanna ewa olena oksana iryna natalia olga`),
);

/**
 * Given names that are also ordinary words or often open a sentence for another reason ("Ben je
 * morgen bij het overleg?", "Wil jij bellen?", "Roos"): at the start of a sentence they count only
 * when a surname follows.
 */
export const AMBIGUOUS_GIVEN_NAMES = new Set(
  words(`ben bas roos iris noor kim mark frank fleur els can to rik nel wil rob mees leo ad ed tiny trees said jo
  tom tim sem ans ank liv isa nova maud gina aya ton riet joke mien`),
);

export const SURNAMES = new Set(
  words(`jansen janssen vries jong dijk bakker visser smit meijer meyer boer mulder groot bos vos peters hendriks
  berg dekker brouwer leeuwen wijk vermeulen willems hoek dam veen koster graaf wit prins huisman kok bosch
  schouten brink beek kuipers heuvel vliet wal molenaar timmerman martens verhoeven lammers jacobs postma
  koning maas vink willemsen kramer schipper sluis verbeek gerritsen hermans dijkstra hoekstra bosma smits
  kuiper wouters linden haan meer kaya yilmaz demir sahin celik ozturk aydin arslan
  dogan bouzid amrani haddou tahiri benali elidrissi idrissi ouali zahiri
  broek bruijn bruin heijden ven blom peeters jonge veenstra scholten timmermans jonker loon velde lange
  smeets dongen laan velden driessen doorn evers meulen hofman bosman wolters sanders horst kuijpers pol leeuw
  ruiter groen post mol hoogendoorn bergsma wijnands verschuren koopman claassen
  yildiz yildirim ozdemir kilic aslan cetin koc kurt ozkan simsek
  azzouzi boukhari khattabi bakkali belhaj chaoui ziani zaoui lahrichi mansouri bennani
  ramdin ramlal jagessar sewdien mahabier soekhai kalloe biharie pinas martina
  pattinama latuheru tuhumury sahetapy kowalski nowak wisniewski kowalczyk lewandowski
  haddad khalil hamdan saleh hussein tesfay gebremedhin`),
);

/** Surnames that practically always come with a particle ("de Vries", "van der Heijden"): never counted alone. */
export const PARTICLE_SURNAMES = new Set(words(`vries bruijn bruin heijden meulen dongen velde velden horst loon doorn wal`));

/**
 * Surnames that are also ordinary Dutch words or place names: counted only after a particle, a
 * title or a given name, and never in lower case.
 */
export const NOUN_SURNAMES = new Set(
  words(`bakker visser smit boer koster kok koning schipper timmerman brouwer molenaar kramer berg bos vos hoek beek
  veen haan meer wal dam prins wit groot jong graaf kuiper sluis vink brink linden heuvel wijk dijk maas broek bruin
  ven pol leeuw ruiter groen post mol loon lange laan doorn horst velde jonker koopman kurt martina dekker leeuwen
  kuipers vliet smits jonge velden`),
);
