import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { APP_CONFIG, ApiException, type AppConfig } from '@leerkring/core';
import { CurrentActor, type Actor } from '@leerkring/people';
import { RsvpService, signRsvpToken, type RsvpAnswer } from '@leerkring/scheduling';

export class MyRsvpDto {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'])
  answer!: RsvpAnswer;

  @ApiProperty({ description: 'The version of the appointment you answer (as in the agenda)' })
  @IsInt()
  @Min(0)
  @Max(999_999_999)
  version!: number;
}

export class MyRsvpResponse {
  @ApiProperty({ enum: ['accepted', 'declined'] }) rsvp!: 'accepted' | 'declined';
  @ApiProperty({ description: 'false when this was already the answer' }) changed!: boolean;
}

/**
 * The web app's accept / decline buttons: the same rules as the signed link in the invitation
 * (RsvpService), for the signed-in person only, so the answer goes through one code path.
 */
@ApiTags('appointments')
@Controller('me/appointments')
export class MyRsvpController {
  constructor(
    private readonly rsvp: RsvpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':id/rsvp')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept or decline an appointment I take part in',
    description:
      '200 recorded (repeating it changes nothing); 404 not a participant; 409 stale_version when the ' +
      'appointment changed since `version`; 422 appointment_cancelled.',
  })
  @ApiOkResponse({ type: MyRsvpResponse })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MyRsvpDto,
  ): Promise<MyRsvpResponse> {
    const token = signRsvpToken(this.config.appSecret, {
      appointmentId: id,
      personId: actor.personId,
      version: body.version,
    });
    const outcome = await this.rsvp.answer(token, body.answer);
    switch (outcome.kind) {
      case 'recorded':
      case 'unchanged':
        return { rsvp: body.answer === 'accept' ? 'accepted' : 'declined', changed: outcome.kind === 'recorded' };
      case 'stale':
        throw ApiException.conflict('stale_version', 'The appointment changed since you read it', {
          detail: 'Read the agenda again and answer the current version.',
        });
      case 'cancelled':
        throw ApiException.businessRule('appointment_cancelled', 'The appointment is cancelled');
      default:
        throw ApiException.notFound('The appointment');
    }
  }
}
