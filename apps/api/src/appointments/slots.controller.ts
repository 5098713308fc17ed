import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@leerkring/people';
import { SlotListResponse, SlotQuery, SlotSuggestions } from '@leerkring/scheduling';

@ApiTags('scheduling')
@Controller()
export class SlotsController {
  constructor(private readonly slots: SlotSuggestions) {}

  @Get('scheduling/slots')
  @Roles('coach', 'admin')
  @ApiOperation({
    summary: 'Suggest free slots',
    description:
      'The next free slots of the given length where all the given people are free at the school: within their working ' +
      'hours and outside their unavailability, on days the school is open, clear of their appointments (with travel ' +
      'time to and from other schools), and at least the minimum notice ahead. Earliest first. Coaches and admins; ' +
      'people the caller cannot see answer 404.',
  })
  @ApiOkResponse({ type: SlotListResponse })
  suggest(@CurrentActor() actor: Actor, @Query() query: SlotQuery): Promise<SlotListResponse> {
    return this.slots.suggest(actor, query);
  }
}
