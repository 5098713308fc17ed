import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiProduces, ApiProperty, ApiQuery, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { HTML_PAGE, sendHtml } from '../http/html-page';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { Public } from '@leerkring/people';
import { RegistrationsService, verifyOfferToken, type OfferAnswer } from '@leerkring/theme-meetings';
import { offerConfirmPage, offerOutcomePage } from './theme-offer-page';

export class OfferAnswerDto {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'])
  answer!: OfferAnswer;
}

/**
 * Accept / decline links of waitlist offers, without signing in (the token is signed). Opening
 * the link shows a button; the POST behind it records the answer, so mail scanners that open
 * every link do not answer for the person.
 */
@ApiTags('theme-meetings')
@Public()
@Controller('theme-offers')
export class ThemeOfferController {
  constructor(
    private readonly registrations: RegistrationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'The page an offer link opens', description: 'A bad link answers 400.' })
  @ApiQuery({ name: 'answer', enum: ['accept', 'decline'] })
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  confirm(@Param('token') token: string, @Query('answer') answer: string | undefined, @Res() response: Response): void {
    if (!verifyOfferToken(this.config.appSecret, token) || (answer !== 'accept' && answer !== 'decline')) {
      const { status, html } = offerOutcomePage({ kind: 'invalid' });
      sendHtml(response, status, html);
      return;
    }
    sendHtml(response, 200, offerConfirmPage(token, answer));
  }

  @Post(':token')
  @ApiOperation({
    summary: 'Accept or decline a waitlist offer',
    description: '200 recorded (repeating it changes nothing); 400 a bad link; 410 the offer expired. Answers HTML.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  async answer(@Param('token') token: string, @Body() body: OfferAnswerDto, @Res() response: Response): Promise<void> {
    const { status, html } = offerOutcomePage(await this.registrations.answerOffer(token, body.answer));
    sendHtml(response, status, html);
  }
}
