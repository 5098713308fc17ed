import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags, OmitType } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import type { Response } from 'express';
import { ApiException } from '@leerkring/core';
import { Public } from '@leerkring/people';
import { EvaluationDto, EvaluationLinks } from '@leerkring/theme-meetings';
import { HTML_PAGE, htmlPage, sendHtml } from '../http/html-page';
import { evaluationFormPage, evaluationInvalidPage, evaluationThanksPage } from './theme-evaluation-page';

/** The form posts text fields: the rules of `EvaluationDto`, with the score arriving as "1".."5". */
export class EvaluationFormDto extends OmitType(EvaluationDto, ['score'] as const) {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;
}

/** Why an evaluation was refused, in words for the participant. */
const REFUSED: Record<string, string> = {
  meeting_not_ended: 'Je kunt de bijeenkomst evalueren als ze voorbij is.',
  not_attended: 'Alleen wie bij de bijeenkomst aanwezig was, kan haar evalueren.',
  meeting_cancelled: 'Deze bijeenkomst is niet doorgegaan.',
};

/**
 * The evaluation link from the mail after a theme meeting, without signing in (the token is
 * signed): opening it shows the form, posting the form records the evaluation (a repeat replaces
 * it). A link opened by a mail scanner records nothing.
 */
@ApiTags('theme-meetings')
@Public()
@Controller('theme-evaluations')
export class ThemeEvaluationController {
  constructor(private readonly links: EvaluationLinks) {}

  @Get(':token')
  @ApiOperation({ summary: 'The evaluation form a mailed link opens', description: 'A bad link answers 400.' })
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  async form(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const link = await this.links.open(token);
    if (link.kind === 'invalid') {
      sendHtml(response, 400, evaluationInvalidPage());
      return;
    }
    sendHtml(response, 200, evaluationFormPage(token, link));
  }

  @Post(':token')
  @ApiOperation({
    summary: 'Send the evaluation from the mailed link',
    description:
      '200 recorded (a repeat replaces it); 400 a bad link or score; 422 not ended or not attended. Answers HTML.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  async submit(
    @Param('token') token: string,
    @Body() body: EvaluationFormDto,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const recorded = await this.links.submit(token, { score: body.score, comment: body.comment });
      sendHtml(response, 200, evaluationThanksPage(recorded.title, recorded.score));
    } catch (error) {
      if (!(error instanceof ApiException)) {
        throw error;
      }
      const reason = REFUSED[error.code];
      if (reason) {
        sendHtml(response, error.getStatus(), htmlPage('Dat lukt niet', `<p>${reason}</p>`));
      } else {
        sendHtml(response, 400, evaluationInvalidPage()); // the link's registration is gone
      }
    }
  }
}
