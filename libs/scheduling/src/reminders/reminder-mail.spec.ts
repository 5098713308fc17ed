import { renderReminderMail, type ReminderMailView } from './reminder-mail';

const view: ReminderMailView = {
  foundationName: 'Stichting Rivierenland Onderwijs',
  recipientName: 'Anna de Vries',
  title: 'Intervisie groep Noord',
  when: 'dinsdag 12 oktober 2027, 15:30–17:00',
  schoolName: 'obs De Regenboog',
  room: 'Teamkamer',
  onlineUrl: null,
  description: 'Inbrenger: Bram Jansen',
};

describe('reminder mail', () => {
  it.each(['nl', 'en'] as const)('shows what the organiser wrote, e.g. the case presenter (%s)', (language) => {
    const mail = renderReminderMail(language, view);
    expect(mail.text).toContain('Inbrenger: Bram Jansen');
    expect(mail.html).toContain('Inbrenger: Bram Jansen');
    expect(mail.subject).toContain('Intervisie groep Noord');
  });

  it('leaves the description out when there is none', () => {
    const mail = renderReminderMail('nl', { ...view, description: null });
    expect(mail.text).not.toContain('Inbrenger');
    expect(mail.text).toContain('Wanneer: dinsdag 12 oktober 2027, 15:30–17:00');
  });

  it('escapes the description in HTML', () => {
    const mail = renderReminderMail('en', { ...view, description: '<script>x</script>' });
    expect(mail.html).not.toContain('<script>x</script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
