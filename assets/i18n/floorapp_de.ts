<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>DevicesScreen</name>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="91" />
      <location filename="../../floorapp/ui/devices_screen.py" line="142" />
      <source>Devices</source>
      <translation>Geräte</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="98" />
      <source>ZPL label printer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="99" />
      <source>ESC/POS receipt printer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="100" />
      <source>Find</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="101" />
      <source>Use selected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="102" />
      <source>Test print</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="108" />
      <source>Test weigh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="110" />
      <source>Back</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="147" />
      <source>no symbology identifier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="148" />
      <source>Scan read: {text} ({symbology})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="160" />
      <source>Looking for printers on the network…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="166" />
      <source>Pick a printer from the list first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="175" />
      <source>Label printer set to {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="185" />
      <source>The scale answers.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="217" />
      <source>raw</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="217" />
      <source>not raw, port 9100 assumed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="226" />
      <source>Label printer: {summary}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/devices_screen.py" line="227" />
      <source>Scale: {summary}</source>
      <translation type="unfinished" />
    </message>
  </context>
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
    <name>DonePage</name>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="419" />
      <source>Wave done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="420" />
      <source>Back to waves</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HomeScreen</name>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="191" />
      <source>Home</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="195" />
      <source>Hello, {name}</source>
      <translation>Hallo, {name}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="196" />
      <source>Signed in as {role}</source>
      <translation>Angemeldet als {role}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="197" />
      <source>Sign out</source>
      <translation>Abmelden</translation>
    </message>
  </context>
  <context>
    <name>JobTileButton</name>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="92" />
      <source>Coming later</source>
      <translation>Kommt später</translation>
    </message>
  </context>
  <context>
    <name>Jobs</name>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="81" />
      <source>Wave picking</source>
      <translation>Wellen-Kommis­sionierung</translation>
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
      <translation>Inventur­zählungen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="88" />
      <source>Count bins</source>
      <translation>Lagerplätze zählen</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="89" />
      <source>Sync &amp; parked transactions</source>
      <translation>Synchroni­sation &amp; geparkte Buchungen</translation>
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
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="93" />
      <source>Users &amp; badges</source>
      <translation>Benutzer &amp; Ausweise</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/jobs.py" line="94" />
      <source>PINs, badges, lockouts</source>
      <translation>PINs, Ausweise, Sperren</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="140" />
      <source>FloorApp</source>
      <translation>FloorApp</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="188" />
      <source>Sign out</source>
      <translation>Abmelden</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="188" />
      <source>Sign out now?</source>
      <translation>Jetzt abmelden?</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="188" />
      <source>Stay signed in</source>
      <translation>Angemeldet bleiben</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="212" />
      <source>You were signed out after a while without activity.</source>
      <translation>Sie wurden nach längerer Inaktivität abgemeldet.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/main_window.py" line="231" />
      <source>This scan is not used on this screen.</source>
      <translation>Dieser Scan wird auf diesem Bildschirm nicht verwendet.</translation>
    </message>
  </context>
  <context>
    <name>PickPage</name>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="288" />
      <source>Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="289" />
      <source>Skip</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="290" />
      <source>Short</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="291" />
      <source>Qty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="292" />
      <source>OK</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="294" />
      <source>Close the keypad</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="295" />
      <source>Confirm wave</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="302" />
      <source>{done}/{total} lines · {percent}%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="316" />
      <source>Lot {lot}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="318" />
      <source>{n} orders</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="318" />
      <source>1 order</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="320" />
      <source>tote {tote}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="320" />
      <source>a new tote</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="322" />
      <source>Put {qty} in {where}
for {order}</source>
      <translation type="unfinished" />
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
      <location filename="../../floorapp/ui/screens/home.py" line="26" />
      <source>Picker</source>
      <translation>Kommissionierer</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="27" />
      <source>Packer</source>
      <translation>Packer</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="28" />
      <source>Inspector</source>
      <translation>Prüfer</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/home.py" line="29" />
      <source>Supervisor</source>
      <translation>Schichtleiter</translation>
    </message>
  </context>
  <context>
    <name>ShortReasonPage</name>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="381" />
      <source>Short pick: why?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="382" />
      <source>What you took so far stays picked. The bin gets a count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="384" />
      <source>Not found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="385" />
      <source>Damaged</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="386" />
      <source>Not enough in bin</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="387" />
      <source>Wrong product in bin</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="391" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SignInScreen</name>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="143" />
      <location filename="../../floorapp/ui/screens/sign_in.py" line="147" />
      <location filename="../../floorapp/ui/screens/sign_in.py" line="153" />
      <source>Sign in</source>
      <translation>Anmelden</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="149" />
      <source>Scan your badge</source>
      <translation>Scannen Sie Ihren Ausweis</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="150" />
      <source>…or tap your name and type your PIN</source>
      <translation>…oder Namen antippen und PIN eingeben</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="151" />
      <source>PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="152" />
      <source>Not me</source>
      <translation>Nicht ich</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="199" />
      <source>Tap your name first.</source>
      <translation>Tippen Sie zuerst auf Ihren Namen.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="203" />
      <source>Type your PIN.</source>
      <translation>Geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="218" />
      <source>Checking…</source>
      <translation>Wird geprüft…</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="252" />
      <source>No users on this device yet. Ask a supervisor.</source>
      <translation>Auf diesem Gerät gibt es noch keine Benutzer. Fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="269" />
      <source>Your PIN</source>
      <translation>Ihre PIN</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/screens/sign_in.py" line="271" />
      <source>PIN for {name}</source>
      <translation>PIN für {name}</translation>
    </message>
  </context>
  <context>
    <name>StatusBarWidget</name>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="175" />
      <source>Checking…</source>
      <translation>Wird geprüft…</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="182" />
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="185" />
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="188" />
      <source>No Odoo server is set up; all work is kept on this device.</source>
      <translation>Kein Odoo-Server eingerichtet; alle Arbeit bleibt auf diesem Gerät.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../floorapp/ui/status_bar.py" line="189" />
      <source>Queue: %n</source>
      <translation>
        <numerusform>Warteschlange: %n</numerusform>
        <numerusform>Warteschlange: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../floorapp/ui/status_bar.py" line="191" />
      <source>parked: %n</source>
      <translation>
        <numerusform>geparkt: %n</numerusform>
        <numerusform>geparkt: %n</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="195" />
      <source>Oldest: –</source>
      <translation>Älteste: –</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="197" />
      <source>Oldest: {age}</source>
      <translation>Älteste: {age}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="198" />
      <source>Synced: {when}</source>
      <translation>Sync: {when}</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/status_bar.py" line="208" />
      <source>never</source>
      <translation>nie</translation>
    </message>
  </context>
  <context>
    <name>WaveListPage</name>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="117" />
      <source>Waves to pick</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="118" />
      <source>No wave on this device. Download your waves while you have network.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="119" />
      <source>Download waves</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="120" />
      <source>Back to home</source>
      <translation>Zurück zum Start</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="126" />
      <source>Mine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="126" />
      <source>Open to claim</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="128" />
      <source>Done, waiting for sync</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="130" />
      <source>{done} of {total} lines picked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="133" />
      <source>{orders} orders · {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="135" />
      <source>Data: {age}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>WavePickingScreen</name>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="495" />
      <source>Wave picking</source>
      <translation>Wellen-Kommis­sionierung</translation>
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="511" />
      <source>Open a wave first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="513" />
      <source>Choose a reason or Cancel first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="553" />
      <source>Downloading waves…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="558" />
      <source>Waves downloaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../floorapp/ui/picking/screen.py" line="591" />
      <source>Type the quantity first.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>