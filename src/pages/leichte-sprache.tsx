/**
 * The wiki explained in Leichte Sprache (BITV NRW § 4: explanations in easy language and
 * Deutsche Gebärdensprache): short sentences, one thought each, hard words explained.
 * The municipality's own DGS video is shown only when the build found the file in the
 * wiki's static/ folder (src/site/accessibility.ts) – never a video from another server.
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Layout from '@theme/Layout';
import { useAccessibilityStatement } from '../components/AccessibilityFeedback';
import { DGS_CAPTIONS, DGS_VIDEO, type DgsVideo } from '../core/accessibility';
import { TYPE_PLURAL_LABELS } from '../core/schema/labels';

function SignLanguageVideo({ video }: { video: DgsVideo }): ReactNode {
  const src = useBaseUrl(video.src);
  const captions = useBaseUrl(video.captions ?? '');
  return (
    <video controls preload="metadata" width="640" style={{ maxWidth: '100%', height: 'auto' }} aria-label="Das Wiki erklärt in Deutscher Gebärdensprache">
      <source src={src} type="video/mp4" />
      {video.captions !== undefined && <track kind="captions" src={captions} srcLang="de" label="Deutsch" default />}
      Ihr Browser kann das Video nicht abspielen. <a href={src}>Video herunterladen</a>.
    </video>
  );
}

export default function EasyLanguage(): ReactNode {
  const { contact, dgsVideo } = useAccessibilityStatement();
  return (
    <Layout title="Leichte Sprache" description="Das Wiki in Leichter Sprache: Was steht hier? Wie finde ich etwas? Wen kann ich fragen?">
      <main className="container margin-vert--lg">
        <h1>Das Wiki in Leichter Sprache</h1>

        <h2>Was ist das Wiki?</h2>
        <p>Das Wiki ist eine Internet-Seite.</p>
        <p>Die Seite ist nur für die Beschäftigten der Verwaltung.</p>
        <p>Im Wiki steht das Wissen der Stellen.</p>
        <p>Die Beschäftigten schreiben ihr Wissen hier auf.</p>
        <p>Dann bleibt das Wissen da.</p>
        <p>Auch wenn eine Kollegin oder ein Kollege geht.</p>

        <h2>Wichtige Wörter</h2>
        <dl>
          <dt>Wiki</dt>
          <dd>Ein Wiki ist eine Internet-Seite mit vielen Texten. Viele Menschen schreiben zusammen an den Texten.</dd>
          <dt>Stelle</dt>
          <dd>Eine Stelle ist ein Arbeits-Platz in der Verwaltung. Zu jeder Stelle gehören feste Aufgaben.</dd>
          <dt>Prozess</dt>
          <dd>Ein Prozess ist eine Arbeit mit festen Schritten. Zum Beispiel: einen Antrag bearbeiten. Im Wiki steht jeder Schritt.</dd>
          <dt>Übergabe</dt>
          <dd>
            Eine Person hört auf einer Stelle auf. Eine neue Person fängt dort an. Die erste Person erklärt der neuen Person die
            Arbeit. Das heißt Übergabe. Im Wiki gibt es dafür eine Liste.
          </dd>
          <dt>Fach-Bereich</dt>
          <dd>Ein Fach-Bereich ist ein Teil der Verwaltung. Zum Beispiel das Ordnungs-Amt.</dd>
        </dl>

        <h2>So finden Sie das Wissen einer Stelle</h2>
        <ol>
          <li>Klicken Sie oben auf das Wort „Wiki“.</li>
          <li>Links sehen Sie jetzt eine Liste mit allen Fach-Bereichen.</li>
          <li>Klicken Sie auf Ihren Fach-Bereich.</li>
          <li>Klicken Sie dann auf „{TYPE_PLURAL_LABELS.post}“.</li>
          <li>Klicken Sie auf die Stelle.</li>
        </ol>
        <p>Jetzt sehen Sie die Seite der Stelle.</p>
        <p>Oben auf der Seite ist ein Kasten.</p>
        <p>Im Kasten steht: Wer macht die Arbeit, wenn jemand fehlt?</p>
        <p>Unter dem Kasten stehen die Aufgaben der Stelle.</p>

        <h2>So suchen Sie im Wiki</h2>
        <ol>
          <li>Oben rechts ist ein Such-Feld. Klicken Sie in das Such-Feld.</li>
          <li>Schreiben Sie ein Wort. Zum Beispiel: Hund.</li>
          <li>Das Wiki zeigt Ihnen alle Seiten mit diesem Wort.</li>
          <li>Klicken Sie auf eine Seite. Dann öffnet sich die Seite.</li>
        </ol>
        <p>Sie können auch die Tastatur benutzen.</p>
        <p>Mit den Pfeil-Tasten wählen Sie eine Seite aus.</p>
        <p>Mit der Eingabe-Taste öffnen Sie die Seite.</p>

        <h2>Wen können Sie fragen?</h2>
        <p>Sie haben eine Frage zu einer Aufgabe?</p>
        <p>Dann fragen Sie die Person auf der Stelle.</p>
        <p>Oder Sie fragen die Vertretung. Die Vertretung steht im Kasten oben auf der Seite der Stelle.</p>
        <p>Sie verstehen etwas im Wiki nicht? Oder etwas im Wiki funktioniert nicht für Sie?</p>
        {contact !== undefined ? (
          <>
            <p>
              Dann schreiben Sie eine E-Mail an: <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </p>
            {contact.phone !== undefined && <p>Sie können auch anrufen: {contact.phone}</p>}
            <p>Oder klicken Sie unten auf der Seite auf „Barriere melden“.</p>
          </>
        ) : (
          <p>Dann fragen Sie Ihre Vorgesetzte oder Ihren Vorgesetzten.</p>
        )}
        <p>
          Mehr dazu steht in der <Link to="/barrierefreiheit">Erklärung zur Barrierefreiheit</Link>.
        </p>

        <h2 id="gebaerdensprache">Deutsche Gebärden-Sprache</h2>
        {dgsVideo !== undefined ? (
          <>
            <p>Hier ist ein Video in Deutscher Gebärden-Sprache.</p>
            <p>Das Video erklärt das Wiki.</p>
            <SignLanguageVideo video={dgsVideo} />
          </>
        ) : (
          <>
            <p>Ein Video in Deutscher Gebärden-Sprache gibt es hier noch nicht.</p>
            <p>
              Für die Redaktion des Wikis: Legen Sie das Video als Datei static/{DGS_VIDEO} in den Ordner des Wikis, Untertitel
              als static/{DGS_CAPTIONS}. Beim nächsten Bauen erscheint das Video hier.
            </p>
          </>
        )}
      </main>
    </Layout>
  );
}
