import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { FreeText } from './free-text';
import { ClientIdentityDto } from './cases';
import { PROBLEM_AREAS, URGENCIES, type ProblemArea, type Urgency } from './enums';
import {
  AGE_BANDS,
  RECOMMENDATIONS,
  SEVERITIES,
  type AgeBand,
  type IdentifyingFinding,
  type QuestionStatus,
  type Recommendation,
  type Severity,
} from './question-rules';
import { IsOmittable } from './validators';

export type { IdentifyingFinding, IdentifyingKind } from './question-rules';

export class ScanTextDto {
  @MaxLength(8000, { message: 'De tekst mag hoogstens 8000 tekens hebben.' })
  @IsString({ message: 'Geef de tekst om te controleren.' })
  text!: string;
}

export class CreateQuestionDto {
  @FreeText()
  @MaxLength(120, { message: 'De titel mag hoogstens 120 tekens hebben.' })
  @MinLength(5, { message: 'Geef de vraag een korte titel (minstens 5 tekens).' })
  @IsString({ message: 'Geef de vraag een korte titel.' })
  title!: string;

  @FreeText()
  @MaxLength(4000, { message: 'De beschrijving mag hoogstens 4000 tekens hebben.' })
  @MinLength(20, { message: 'Beschrijf de situatie (minstens 20 tekens).' })
  @IsString({ message: 'Beschrijf de situatie.' })
  situation!: string;

  @FreeText()
  @MaxLength(2000, { message: 'De vraag mag hoogstens 2000 tekens hebben.' })
  @MinLength(10, { message: 'Schrijf op wat je wilt weten (minstens 10 tekens).' })
  @IsString({ message: 'Schrijf op wat je wilt weten.' })
  question!: string;

  @FreeText()
  @MaxLength(80, { message: 'De buurt mag hoogstens 80 tekens hebben.' })
  @IsString()
  @IsOmittable()
  neighbourhood?: string;

  @IsIn(AGE_BANDS, { message: 'Kies een leeftijdsgroep uit de lijst.' })
  @IsOmittable()
  ageBand?: AgeBand;

  @IsIn(PROBLEM_AREAS, { each: true, message: 'Kies de leefgebieden uit de lijst.' })
  @ArrayMaxSize(PROBLEM_AREAS.length)
  @IsArray({ message: 'Kies de leefgebieden uit de lijst.' })
  problemAreas!: ProblemArea[];
}

export class AnswerQuestionDto {
  @FreeText()
  @MaxLength(4000, { message: 'Het advies mag hoogstens 4000 tekens hebben.' })
  @MinLength(10, { message: 'Schrijf het advies uit (minstens 10 tekens).' })
  @IsString({ message: 'Schrijf het advies uit.' })
  advice!: string;

  @IsIn(SEVERITIES, { message: 'Kies een inschatting van de ernst: laag, gemiddeld, hoog of acuut.' })
  severity!: Severity;

  @IsIn(RECOMMENDATIONS, { message: 'Kies een aanbeveling uit de lijst.' })
  recommendation!: Recommendation;
}

export class QuestionMessageDto {
  @FreeText()
  @MaxLength(4000, { message: 'Het bericht mag hoogstens 4000 tekens hebben.' })
  @MinLength(2, { message: 'Schrijf een bericht.' })
  @IsString({ message: 'Schrijf een bericht.' })
  text!: string;
}

/** Convert a question into a case once the client consents: the identity is added now. */
export class ConvertQuestionDto {
  @ValidateNested({ message: 'Vul de gegevens van de cliënt in.' })
  @IsObject({ message: 'Vul de gegevens van de cliënt in.' })
  @IsDefined({ message: 'Vul de gegevens van de cliënt in.' })
  @Type(() => ClientIdentityDto)
  client!: ClientIdentityDto;

  @IsIn(['GIVEN'], { message: 'Een vraag wordt pas een casus als de cliënt toestemming gaf.' })
  consent!: 'GIVEN';

  @IsIn(URGENCIES, { message: 'Kies de urgentie: laag, gemiddeld, hoog of acuut.' })
  urgency!: Urgency;

  @FreeText()
  @MaxLength(80, { message: 'De buurt mag hoogstens 80 tekens hebben.' })
  @MinLength(2, { message: 'Vul de buurt of wijk in.' })
  @IsString()
  @IsOmittable()
  neighbourhood?: string;
}

export interface QuestionMessageView {
  id: string;
  author: { name: string; organisation: string } | null;
  /** true for the coordinator's side of the thread. */
  fromCoordinator: boolean;
  text: string;
  createdAt: string;
}

export interface QuestionView {
  id: string;
  networkId: string;
  title: string;
  situation: string;
  question: string;
  neighbourhood: string | null;
  ageBand: AgeBand | null;
  problemAreas: ProblemArea[];
  status: QuestionStatus;
  /** The asking organisation, or null when the covenant keeps it anonymous for this viewer. */
  submittedBy: { organisation: { id: string; name: string } | null; label: string; isYourOrganisation: boolean };
  createdAt: string;
  answer: { advice: string; severity: Severity; recommendation: Recommendation; answeredAt: string } | null;
  /** The thread: only for the coordinator and the asking organisation. */
  messages: QuestionMessageView[];
  convertedCaseId: string | null;
  can: { answer: boolean; message: boolean; withdraw: boolean; convert: boolean };
}

export interface ScanResult {
  findings: IdentifyingFinding[];
}
