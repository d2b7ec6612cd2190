// The e-mails that carry notifications (docs/rules.md §9): French plain text and HTML in the
// State's colours (bleu France #000091, rouge Marianne #E1000F). Pure: no clock, no database.
import { platformUrl, PREFERENCES_PATH } from './links.ts';

export const BLEU_FRANCE = '#000091';
export const ROUGE_MARIANNE = '#E1000F';
const PLATFORM = "Plateforme de l'inclusion";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailNotice {
  subject: string;
  body: string;
  /** Path of the page about the notified thing (links.ts). */
  path: string;
}

export interface EmailContext {
  publicUrl: string;
  /** The organization the recipient is a member of: why they receive it. */
  organizationName: string;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Escaped, its line breaks kept (the facts lines of domain/notice-facts.ts). */
function multiline(value: string): string {
  return escapeHtml(value).replaceAll('\n', '<br>\n');
}

function footerText(context: EmailContext): string {
  return [
    `Vous recevez ce courriel parce que vous êtes membre de « ${context.organizationName} » sur la ${PLATFORM}.`,
    `Pour recevoir un récapitulatif quotidien ou ne plus recevoir de courriels, changez vos préférences : ${platformUrl(context.publicUrl, PREFERENCES_PATH)}`,
    'Ce message est envoyé automatiquement : merci de ne pas y répondre.',
  ].join('\n');
}

function footerHtml(context: EmailContext): string {
  const preferences = escapeHtml(platformUrl(context.publicUrl, PREFERENCES_PATH));
  return `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #dddddd;color:#666666;font-size:12px">
Vous recevez ce courriel parce que vous êtes membre de « ${escapeHtml(context.organizationName)} » sur la ${escapeHtml(PLATFORM)}.<br>
Pour recevoir un récapitulatif quotidien ou ne plus recevoir de courriels, <a href="${preferences}" style="color:${BLEU_FRANCE}">changez vos préférences</a>.<br>
Ce message est envoyé automatiquement : merci de ne pas y répondre.</p>`;
}

function page(title: string, content: string, footer: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Marianne,Arial,sans-serif;color:#161616">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="border-top:4px solid ${BLEU_FRANCE};border-bottom:1px solid #dddddd;padding:16px 24px">
<strong style="color:${BLEU_FRANCE};font-size:18px">${escapeHtml(PLATFORM)}</strong>
<span style="display:inline-block;width:24px;height:4px;margin-left:8px;background:${ROUGE_MARIANNE};vertical-align:middle"></span>
</div>
<div style="padding:24px">
${content}
${footer}
</div></div></body></html>
`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:${BLEU_FRANCE};color:#ffffff;padding:8px 16px;text-decoration:none">${escapeHtml(label)}</a></p>`;
}

/** One notification, one e-mail. */
export function renderNotificationEmail(notice: EmailNotice, context: EmailContext): RenderedEmail {
  const link = platformUrl(context.publicUrl, notice.path);
  const text = `${notice.subject}\n\n${notice.body}\n\nVoir sur la plateforme : ${link}\n\n-- \n${footerText(context)}\n`;
  const html = page(
    notice.subject,
    `<h1 style="margin:0 0 16px;font-size:22px;color:${BLEU_FRANCE}">${escapeHtml(notice.subject)}</h1>
<p style="margin:0;line-height:1.5">${multiline(notice.body)}</p>
${button(link, 'Voir sur la plateforme')}`,
    footerHtml(context),
  );
  return { subject: notice.subject, text, html };
}

/** The day's notifications of one user, in one e-mail (preference « récapitulatif quotidien »). */
export function renderDigestEmail(notices: EmailNotice[], day: string, context: EmailContext): RenderedEmail {
  const [y, m, d] = day.split('-');
  const subject = `Récapitulatif du ${d}/${m}/${y} : ${notices.length} notification${notices.length > 1 ? 's' : ''}`;
  const lines = notices.map(
    (n) => `- ${n.subject}\n  ${n.body.replaceAll('\n', '\n  ')}\n  ${platformUrl(context.publicUrl, n.path)}`,
  );
  const text = `${subject}\n\n${lines.join('\n\n')}\n\n-- \n${footerText(context)}\n`;
  const items = notices
    .map(
      (n) =>
        `<li style="margin:0 0 16px"><a href="${escapeHtml(platformUrl(context.publicUrl, n.path))}" style="color:${BLEU_FRANCE};font-weight:bold">${escapeHtml(n.subject)}</a><br>${multiline(n.body)}</li>`,
    )
    .join('\n');
  const html = page(
    subject,
    `<h1 style="margin:0 0 16px;font-size:22px;color:${BLEU_FRANCE}">${escapeHtml(subject)}</h1>
<ul style="padding-left:20px;line-height:1.5">${items}</ul>`,
    footerHtml(context),
  );
  return { subject, text, html };
}

const PERSON_FOOTER = [
  `Vous recevez ce courriel parce que votre adresse a été indiquée pour votre parcours d'insertion sur la ${PLATFORM}.`,
  'Ce message est envoyé automatiquement : merci de ne pas y répondre.',
];

/**
 * To a person (docs/rules.md §9, §11): the person has no account, so no link to the platform; the
 * body says whom to ask (domain/person-notices.ts).
 */
export function renderPersonEmail(notice: { subject: string; body: string }): RenderedEmail {
  const text = `Bonjour,\n\n${notice.body}\n\n-- \n${PERSON_FOOTER.join('\n')}\n`;
  const html = page(
    notice.subject,
    `<h1 style="margin:0 0 16px;font-size:22px;color:${BLEU_FRANCE}">${escapeHtml(notice.subject)}</h1>
<p style="margin:0 0 16px;line-height:1.5">Bonjour,</p>
<p style="margin:0;line-height:1.5">${multiline(notice.body)}</p>`,
    `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #dddddd;color:#666666;font-size:12px">${PERSON_FOOTER.map(escapeHtml).join('<br>\n')}</p>`,
  );
  return { subject: notice.subject, text, html };
}
