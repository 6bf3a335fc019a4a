import { AccountsAndNetworks1763800000000 } from './1763800000000-AccountsAndNetworks';
import { CovenantsCasesAccessLog1763900000000 } from './1763900000000-CovenantsCasesAccessLog';
import { Questions1764000000000 } from './1764000000000-Questions';
import { MeetingsActions1764100000000 } from './1764100000000-MeetingsActions';
import { MeetingGuests1764200000000 } from './1764200000000-MeetingGuests';
import { Minutes1764300000000 } from './1764300000000-Minutes';
import { AccessLogNen75131764400000000 } from './1764400000000-AccessLogNen7513';
import { LoginAttempts1764500000000 } from './1764500000000-LoginAttempts';
import { ClientIdentifiers1764600000000 } from './1764600000000-ClientIdentifiers';
import { CaseListOrder1764700000000 } from './1764700000000-CaseListOrder';
import { SecondFactor1764820000000 } from './1764820000000-SecondFactor';
import { MailAndAccountTokens1764850000000 } from './1764850000000-MailAndAccountTokens';
import { RoleReview1764900000000 } from './1764900000000-RoleReview';
import { IdempotencyCancelCorrections1765000000000 } from './1765000000000-IdempotencyCancelCorrections';
import { CaseHistory1765100000000 } from './1765100000000-CaseHistory';
import { MemberCapacity1765200000000 } from './1765200000000-MemberCapacity';
import { FiguresIndexes1765250000000 } from './1765250000000-FiguresIndexes';
import { FiguresCovering1765260000000 } from './1765260000000-FiguresCovering';
import { BetweenNetworks1765400000000 } from './1765400000000-BetweenNetworks';
import { Notifications1765500000000 } from './1765500000000-Notifications';
import { CaseListHeld1765600000000 } from './1765600000000-CaseListHeld';
import { JobRuns1765700000000 } from './1765700000000-JobRuns';
import { AgendaActions1765800000000 } from './1765800000000-AgendaActions';
import { CaseTies1765900000000 } from './1765900000000-CaseTies';

/** Every migration, in order. Listed explicitly so that builds, tests and the CLI run the same set. */
export const MIGRATIONS = [
  AccountsAndNetworks1763800000000,
  CovenantsCasesAccessLog1763900000000,
  Questions1764000000000,
  MeetingsActions1764100000000,
  MeetingGuests1764200000000,
  Minutes1764300000000,
  AccessLogNen75131764400000000,
  LoginAttempts1764500000000,
  ClientIdentifiers1764600000000,
  CaseListOrder1764700000000,
  SecondFactor1764820000000,
  MailAndAccountTokens1764850000000,
  RoleReview1764900000000,
  IdempotencyCancelCorrections1765000000000,
  CaseHistory1765100000000,
  MemberCapacity1765200000000,
  FiguresIndexes1765250000000,
  FiguresCovering1765260000000,
  BetweenNetworks1765400000000,
  Notifications1765500000000,
  CaseListHeld1765600000000,
  JobRuns1765700000000,
  AgendaActions1765800000000,
  CaseTies1765900000000,
];
