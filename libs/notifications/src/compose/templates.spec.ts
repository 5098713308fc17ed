import { APPOINTMENT_MAIL_KINDS, renderAppointmentMail, type AppointmentMailView } from './templates';

const view: AppointmentMailView = {
  foundationName: 'Stichting Rivierenland Onderwijs',
  recipientName: 'Anna de Vries',
  organizerName: 'Carla Coach',
  title: 'Overleg <groep 5> & ouders',
  description: 'Neem het groepsplan mee.',
  when: 'maandag 26 oktober 2026, 10:00–11:00',
  schoolName: 'obs De Regenboog',
  room: 'Teamkamer',
  onlineUrl: null,
  others: ['Bram Jansen', 'Emma Smith'],
  acceptUrl: 'http://leerkring.test/api/v1/rsvp/t?answer=accept',
  declineUrl: 'http://leerkring.test/api/v1/rsvp/t?answer=decline',
};

describe('appointment mail templates', () => {
  it.each(
    APPOINTMENT_MAIL_KINDS.flatMap((kind) => (['nl', 'en'] as const).map((language) => [kind, language] as const)),
  )('renders %s in %s: subject, text and escaped HTML', (kind, language) => {
    const sut = renderAppointmentMail(kind, language, view);
    expect(sut.subject).toContain('Overleg <groep 5> & ouders');
    expect(sut.subject).toContain(view.when);
    expect(sut.text).toContain('Anna de Vries');
    expect(sut.text).toContain('Stichting Rivierenland Onderwijs');
    expect(sut.text).toContain('obs De Regenboog, Teamkamer');
    expect(sut.html).toContain('Overleg &lt;groep 5&gt; &amp; ouders');
    expect(sut.html).not.toContain('<groep 5>');
    if (kind === 'cancellation') {
      expect(sut.text).not.toContain('answer=accept');
    } else {
      expect(sut.text).toContain(view.acceptUrl);
      expect(sut.text).toContain(view.declineUrl);
      expect(sut.text).toContain('Bram Jansen, Emma Smith');
    }
  });

  it('shows an online link instead of a school', () => {
    const sut = renderAppointmentMail('invitation', 'nl', {
      ...view,
      schoolName: null,
      room: null,
      onlineUrl: 'https://meet.example.nl/abc',
    });
    expect(sut.text).toContain('Online: https://meet.example.nl/abc');
    expect(sut.text).not.toContain('Waar:');
    expect(sut.html).toContain('href="https://meet.example.nl/abc"');
  });
});
