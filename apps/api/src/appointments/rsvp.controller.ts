import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiProduces, ApiProperty, ApiQuery, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { HTML_PAGE, sendHtml } from '../http/html-page';
import { Public } from '@leerkring/people';
import { RsvpService, verifyRsvpToken, type RsvpAnswer } from '@leerkring/scheduling';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { rsvpConfirmPage, rsvpOutcomePage } from './rsvp-page';

export class RsvpAnswerDto {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'])
  answer!: RsvpAnswer;
}

/**
 * Accept / decline links from invitation mails, without signing in (the token is signed).
 * Opening the link shows a button; the POST behind it records the answer, so mail scanners
 * that open every link do not answer for the person (and cannot accept and then decline).
 */
@ApiTags('appointments')
@Public()
@Controller('rsvp')
export class RsvpController {
  constructor(
    private readonly rsvp: RsvpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'The page an accept / decline link opens', description: 'A bad link answers 400.' })
  @ApiQuery({ name: 'answer', enum: ['accept', 'decline'] })
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  confirm(@Param('token') token: string, @Query('answer') answer: string | undefined, @Res() response: Response): void {
    if (!verifyRsvpToken(this.config.appSecret, token) || (answer !== 'accept' && answer !== 'decline')) {
      const { status, html } = rsvpOutcomePage({ kind: 'invalid' });
      sendHtml(response, status, html);
      return;
    }
    sendHtml(response, 200, rsvpConfirmPage(token, answer));
  }

  @Post(':token')
  @ApiOperation({
    summary: 'Record an answer to an invitation',
    description:
      '200 recorded (repeating it changes nothing); 400 a bad link; 404 no longer a participant; ' +
      '409 the appointment changed since the mail; 410 cancelled. Answers an HTML page.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiProduces('text/html')
  @ApiOkResponse(HTML_PAGE)
  async answer(@Param('token') token: string, @Body() body: RsvpAnswerDto, @Res() response: Response): Promise<void> {
    const { status, html } = rsvpOutcomePage(await this.rsvp.answer(token, body.answer));
    sendHtml(response, status, html);
  }
}
