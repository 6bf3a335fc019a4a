/**
 * Common given names and surnames in the Netherlands, for the identifying-data guard. Lower-case.
 * A name found here counts only when written with a capital, as names are.
 */
export const GIVEN_NAMES = new Set(
  `jan piet kees klaas henk gerrit willem hendrik johannes cornelis jacobus pieter hans peter paul marc mark martin
  erik eric frank johan joost jeroen bart tom thomas daan sem lucas levi finn milan noah luuk jesse bram ruben thijs
  stijn tim lars niels koen rik sander dennis michel marcel ronald richard robert rob wim bert ben bas dirk arie
  adriaan anton antonius teun theo ton gijs joris maarten wouter vincent hugo olaf rutger sjaak sjoerd wiebe
  mohammed mohamed ahmed ali omar youssef hamza ibrahim mustafa mehmet murat yusuf hassan khalid rachid karim
  samir bilal ayoub adam amir emre can deniz
  maria anna johanna cornelia wilhelmina elisabeth hendrika geertruida catharina adriana petronella jacoba
  aaltje antje grietje trijntje neeltje jannetje dirkje klaasje
  els ellen ingrid anja annemarie marieke monique sandra petra linda mirjam esther ilse karin yvonne marjolein
  sanne lisa lotte emma julia sophie sara fleur eva anne anouk iris femke noor roos tess lieke mila zoë nina
  evi julia saskia wendy chantal kim priscilla jolanda gerda truus riet bep corrie nel ria mien to joke jopie
  ineke marja margriet hilde janneke
  fatima aisha khadija meryem zeynep elif ayse ayşe hatice emine nadia samira yasmina leila salma amina hanna
  hannah naima souad malika`.split(/\s+/).filter(Boolean),
);

export const SURNAMES = new Set(
  `jansen janssen vries jong dijk bakker visser smit meijer meyer boer mulder groot bos vos peters hendriks
  berg dekker brouwer leeuwen wijk vermeulen willems hoek dam veen koster graaf wit prins huisman kok bosch
  schouten brink beek kuipers heuvel vliet wal molenaar timmerman martens verhoeven lammers jacobs postma
  koning maas vink willemsen kramer schipper sluis verbeek gerritsen hermans dijkstra hoekstra bosma smits
  kuiper wouters dam linden haan meer kaya yilmaz demir şahin sahin çelik celik öztürk ozturk aydin arslan
  doğan dogan bouzid amrani haddou tahiri benali elidrissi idrissi ouali zahiri`.split(/\s+/).filter(Boolean),
);

/** Surnames that are also ordinary nouns: counted only after a particle, a title or a given name. */
export const NOUN_SURNAMES = new Set(['bakker', 'visser', 'smit', 'boer', 'koster', 'kok', 'koning', 'schipper', 'timmerman', 'brouwer', 'molenaar', 'kramer', 'berg', 'bos', 'vos', 'hoek', 'beek', 'veen', 'haan', 'meer', 'wal', 'dam', 'prins', 'wit', 'groot', 'jong', 'graaf', 'kuiper', 'sluis', 'vink', 'brink', 'linden', 'heuvel', 'wijk', 'dijk']);
