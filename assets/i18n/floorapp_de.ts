<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>Digipad</name>
    <message>
      <location filename="../../floorapp/ui/widgets.py" line="95" />
      <source>Clear</source>
      <translation>Löschen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/widgets.py" line="97" />
      <source>Delete last digit</source>
      <translation>Letzte Ziffer löschen</translation>
    </message>
  </context>
  <context>
    <name>HomeScreen</name>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="123" />
      <source>Home</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="127" />
      <source>Hello, {name}</source>
      <translation>Hallo, {name}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="128" />
      <source>Signed in as {role}</source>
      <translation>Angemeldet als {role}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="129" />
      <source>Sign out</source>
      <translation>Abmelden</translation>
    </message>
  </context>
  <context>
    <name>JobTileButton</name>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="61" />
      <source>Coming in a later release</source>
      <translation>Kommt in einer späteren Version</translation>
    </message>
  </context>
  <context>
    <name>Jobs</name>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="81" />
      <source>Wave picking</source>
      <translation>Wellen-Kommissionierung</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="82" />
      <source>Pick a wave into totes</source>
      <translation>Eine Welle in Behälter kommissionieren</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="83" />
      <source>Packing</source>
      <translation>Packen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="84" />
      <source>Scan-verify and pack orders</source>
      <translation>Aufträge per Scan prüfen und packen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="85" />
      <source>Returns</source>
      <translation>Retouren</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="86" />
      <source>Inspect returned goods</source>
      <translation>Zurückgesandte Ware prüfen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="87" />
      <source>Cycle counts</source>
      <translation>Inventurzählungen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="88" />
      <source>Count bins</source>
      <translation>Lagerplätze zählen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="89" />
      <source>Sync &amp; parked transactions</source>
      <translation>Synchronisation &amp; geparkte Buchungen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="90" />
      <source>Queue, errors and conflicts</source>
      <translation>Warteschlange, Fehler und Konflikte</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="91" />
      <source>Devices</source>
      <translation>Geräte</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="92" />
      <source>Scanners, scales and printers</source>
      <translation>Scanner, Waagen und Drucker</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="168" />
      <source>FloorApp</source>
      <translation>FloorApp</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="216" />
      <source>Sign out</source>
      <translation>Abmelden</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="216" />
      <source>Sign out now?</source>
      <translation>Jetzt abmelden?</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="216" />
      <source>Stay signed in</source>
      <translation>Angemeldet bleiben</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="235" />
      <source>You were signed out after a while without activity.</source>
      <translation>Sie wurden nach längerer Inaktivität abgemeldet.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="256" />
      <source>This scan is not used on this screen.</source>
      <translation>Dieser Scan wird auf diesem Bildschirm nicht verwendet.</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderScreen</name>
    <message>
      <location filename="../../floorapp/ui/screens/placeholder.py" line="53" />
      <source>{job} arrives in a coming release</source>
      <translation>{job} kommt in einer der nächsten Versionen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/placeholder.py" line="56" />
      <source>This screen is not part of this version of FloorApp yet. Nothing is recorded here. Go back and use your usual procedure for this job.</source>
      <translation>Dieser Bildschirm ist in dieser FloorApp-Version noch nicht enthalten. Hier wird nichts erfasst. Gehen Sie zurück und erledigen Sie diese Arbeit wie bisher.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/placeholder.py" line="60" />
      <source>Back to home</source>
      <translation>Zurück zum Start</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/placeholder.py" line="64" />
      <source>Scans are not recorded on this screen yet.</source>
      <translation>Scans werden auf diesem Bildschirm noch nicht erfasst.</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="15" />
      <source>Picker</source>
      <translation>Kommissionierer</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="16" />
      <source>Packer</source>
      <translation>Packer</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="17" />
      <source>Inspector</source>
      <translation>Prüfer</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="18" />
      <source>Supervisor</source>
      <translation>Schichtleiter</translation>
    </message>
  </context>
  <context>
    <name>SignInScreen</name>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="155" />
      <location filename="../../floorapp/ui/screens/sign_in.py" line="159" />
      <location filename="../../floorapp/ui/screens/sign_in.py" line="165" />
      <source>Sign in</source>
      <translation>Anmelden</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="161" />
      <source>Scan your badge</source>
      <translation>Scannen Sie Ihren Ausweis</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="162" />
      <source>…or tap your name and type your PIN</source>
      <translation>…oder Namen antippen und PIN eingeben</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="163" />
      <source>PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="164" />
      <source>Not me</source>
      <translation>Nicht ich</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="211" />
      <source>Tap your name first.</source>
      <translation>Tippen Sie zuerst auf Ihren Namen.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="215" />
      <source>Type your PIN.</source>
      <translation>Geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="232" />
      <source>Checking…</source>
      <translation>Wird geprüft…</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="260" />
      <source>No users on this device yet. Ask a supervisor.</source>
      <translation>Auf diesem Gerät gibt es noch keine Benutzer. Fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="277" />
      <source>Your PIN</source>
      <translation>Ihre PIN</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="279" />
      <source>PIN for {name}</source>
      <translation>PIN für {name}</translation>
    </message>
  </context>
  <context>
    <name>StatusBarWidget</name>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="169" />
      <source>Checking…</source>
      <translation>Wird geprüft…</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="176" />
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="179" />
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="182" />
      <source>No Odoo server is set up; all work is kept on this device.</source>
      <translation>Kein Odoo-Server eingerichtet; alle Arbeit bleibt auf diesem Gerät.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../floorapp/ui/status_bar.py" line="183" />
      <source>Queue: %n</source>
      <translation>
        <numerusform>Warteschlange: %n</numerusform>
        <numerusform>Warteschlange: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../floorapp/ui/status_bar.py" line="185" />
      <source>parked: %n</source>
      <translation>
        <numerusform>geparkt: %n</numerusform>
        <numerusform>geparkt: %n</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="189" />
      <source>Oldest: –</source>
      <translation>Älteste: –</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="191" />
      <source>Oldest: {age}</source>
      <translation>Älteste: {age}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="192" />
      <source>Synced: {when}</source>
      <translation>Sync: {when}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="202" />
      <source>never</source>
      <translation>nie</translation>
    </message>
  </context>
</TS>