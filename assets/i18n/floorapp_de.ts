<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Auth</name>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="53"/>
        <source>A PIN is {min} to {max} digits.</source>
        <translation>Eine PIN hat {min} bis {max} Ziffern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="116"/>
        <source>picker</source>
        <extracomment>Which role may do which job; the supervisor may do everything. A role&apos;s name in a sentence (&quot;signed in as picker&quot;), and in the plural (&quot;this is for supervisors only&quot;).</extracomment>
        <translation>Kommissionierer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="117"/>
        <source>packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="118"/>
        <source>inspector</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="119"/>
        <source>supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="122"/>
        <source>pickers</source>
        <translation>Kommissionierer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="123"/>
        <source>packers</source>
        <translation>Packer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="124"/>
        <source>inspectors</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="125"/>
        <source>supervisors</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="129"/>
        <source>wave picking</source>
        <extracomment>A job&apos;s name in a sentence (&quot;may not do wave picking&quot;).</extracomment>
        <translation>Wellen-Kommissionierung</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="130"/>
        <source>packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="131"/>
        <source>returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="132"/>
        <source>cycle counts</source>
        <translation>Inventurzählungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="133"/>
        <source>sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="134"/>
        <source>devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="135"/>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="149"/>
        <source>another role</source>
        <translation>eine andere Rolle</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="152"/>
        <source>{first} or {second}</source>
        <translation>{first} oder {second}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="190"/>
        <source>{name} is signed in as {role}; this is for {needed} only.</source>
        <translation>{name} ist als {role} angemeldet; das ist nur für {needed}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="199"/>
        <source>{name} is signed in as {role} and may not do {job}.</source>
        <translation>{name} ist als {role} angemeldet und darf {job} nicht machen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="255"/>
        <source>There is no user #{id}.</source>
        <translation>Es gibt keinen Benutzer Nr. {id}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="272"/>
        <source>A user needs a login and a name.</source>
        <translation>Ein Benutzer braucht eine Anmeldung und einen Namen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="277"/>
        <source>Unknown role &apos;{role}&apos;; a role is one of {roles}.</source>
        <translation>Unbekannte Rolle „{role}“; möglich sind: {roles}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="280"/>
        <source>A user with the login &apos;{login}&apos; exists already.</source>
        <translation>Es gibt schon einen Benutzer mit der Anmeldung „{login}“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="310"/>
        <source>The badge barcode is empty.</source>
        <translation>Der Ausweis-Barcode ist leer.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="314"/>
        <source>This badge belongs to {name} already.</source>
        <translation>Dieser Ausweis gehört schon {name}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="397"/>
        <source>Unknown user &apos;{login}&apos;. Pick your name from the list or ask a supervisor.</source>
        <translation>Unbekannter Benutzer „{login}“. Wählen Sie Ihren Namen aus der Liste oder fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="402"/>
        <location filename="../../floorapp/workflows/auth.py" line="455"/>
        <source>{name} is disabled. Ask a supervisor.</source>
        <translation>{name} ist gesperrt. Fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="408"/>
        <source>{name} is locked out after too many wrong PINs until {time}. Wait, or ask a supervisor.</source>
        <translation>{name} ist nach zu vielen falschen PINs bis {time} Uhr gesperrt. Warten Sie oder fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="417"/>
        <source>{name} has no PIN yet. Scan your badge, or ask a supervisor to set a PIN.</source>
        <translation>{name} hat noch keine PIN. Scannen Sie Ihren Ausweis oder lassen Sie die Schichtleitung eine PIN setzen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="429"/>
        <source>Wrong PIN. {name} is locked out until {time}.</source>
        <translation>Falsche PIN. {name} ist bis {time} Uhr gesperrt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="435"/>
        <source>Wrong PIN. {left} attempt left before {name} is locked out.</source>
        <translation>Falsche PIN. Noch {left} Versuch, dann wird {name} gesperrt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="436"/>
        <source>Wrong PIN. {left} attempts left before {name} is locked out.</source>
        <translation>Falsche PIN. Noch {left} Versuche, dann wird {name} gesperrt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="450"/>
        <source>This badge is not known. Sign in with your PIN, or ask a supervisor to register it.</source>
        <translation>Dieser Ausweis ist unbekannt. Melden Sie sich mit Ihrer PIN an oder lassen Sie ihn von der Schichtleitung registrieren.</translation>
    </message>
</context>
<context>
    <name>BackorderPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="472"/>
        <source>Some items are short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="474"/>
        <source>What you picked ships now. Should the missing items follow later in a backorder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="476"/>
        <source>Backorder the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="477"/>
        <source>No backorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="478"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="244"/>
        <location filename="../../floorapp/ui/camera_view.py" line="304"/>
        <source>Camera off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="248"/>
        <source>Take photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="280"/>
        <source>Starting the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="360"/>
        <source>Photo saved ({kb} KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="376"/>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="390"/>
        <source>The camera stopped before the photo was taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="288"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="439"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="292"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="460"/>
        <source>Print, weigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="293"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="460"/>
        <source>Scan, photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="303"/>
        <source>ZPL label printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="304"/>
        <source>ESC/POS receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="305"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="306"/>
        <source>Use selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="307"/>
        <source>Test print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="313"/>
        <source>Test weigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="323"/>
        <source>Camera number, /dev/video0 or a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="329"/>
        <source>Show cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="330"/>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="332"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="547"/>
        <source>Test scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="333"/>
        <source>Test photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="336"/>
        <source>Test serial scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="339"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="444"/>
        <source>no symbology identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="446"/>
        <source>Camera read: {text} ({symbology})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="448"/>
        <source>Serial scanner read: {text} ({symbology})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="450"/>
        <source>Scan read: {text} ({symbology})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="479"/>
        <source>Looking for printers on the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="485"/>
        <source>Pick a printer from the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="494"/>
        <source>Label printer set to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="504"/>
        <source>The scale answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="522"/>
        <source>No camera on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="525"/>
        <source>Camera set. Hold a barcode in front of it to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="534"/>
        <source>Hold a barcode in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="538"/>
        <source>Taking a photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="543"/>
        <source>Photo {kb} KB, {width}x{height} (limit {limit} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="547"/>
        <source>Stop camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="555"/>
        <source>Nothing was scanned with the serial scanner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="557"/>
        <source>Opening the serial scanner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="562"/>
        <source>Scan a barcode with the serial scanner now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="578"/>
        <source>raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="578"/>
        <source>not raw, port 9100 assumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="587"/>
        <source>Label printer: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="588"/>
        <source>Scale: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="593"/>
        <source>Serial scanner: {port}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Digipad</name>
    <message>
        <location filename="../../floorapp/ui/widgets.py" line="95"/>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/widgets.py" line="97"/>
        <source>Delete last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="506"/>
        <source>Wave done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="507"/>
        <source>Back to waves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="196"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="200"/>
        <source>Hello, {name}</source>
        <translation>Hallo, {name}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="201"/>
        <source>Signed in as {role}</source>
        <translation>Angemeldet als {role}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="202"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>JobTileButton</name>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="93"/>
        <source>Coming later</source>
        <translation>Kommt später</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="81"/>
        <source>Wave picking</source>
        <translation>Wellen-Kommis­sionierung</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="82"/>
        <source>Pick a wave into totes</source>
        <translation>Eine Welle in Behälter kommissionieren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="83"/>
        <source>Packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="84"/>
        <source>Scan-verify and pack orders</source>
        <translation>Aufträge per Scan prüfen und packen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="85"/>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="86"/>
        <source>Inspect returned goods</source>
        <translation>Zurückgesandte Ware prüfen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="87"/>
        <source>Cycle counts</source>
        <translation>Inventur­zählungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="88"/>
        <source>Count bins</source>
        <translation>Lagerplätze zählen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="89"/>
        <source>Sync &amp; parked transactions</source>
        <translation>Synchroni­sation &amp; geparkte Buchungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="90"/>
        <source>Queue, errors and conflicts</source>
        <translation>Warteschlange, Fehler und Konflikte</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="91"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="92"/>
        <source>Scanners, scales and printers</source>
        <translation>Scanner, Waagen und Drucker</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="93"/>
        <source>Users &amp; badges</source>
        <translation>Benutzer &amp; Ausweise</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="94"/>
        <source>PINs, badges, lockouts</source>
        <translation>PINs, Ausweise, Sperren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="144"/>
        <source>FloorApp</source>
        <translation>FloorApp</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="192"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="192"/>
        <source>Sign out now?</source>
        <translation>Jetzt abmelden?</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="192"/>
        <source>Stay signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="216"/>
        <source>You were signed out after a while without activity.</source>
        <translation>Sie wurden nach längerer Inaktivität abgemeldet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="235"/>
        <source>This scan is not used on this screen.</source>
        <translation>Dieser Scan wird auf diesem Bildschirm nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="160"/>
        <source>SCAN BIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="161"/>
        <source>SCAN ARTICLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="162"/>
        <source>SCAN LOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="163"/>
        <source>SCAN OR TYPE QUANTITY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="164"/>
        <source>SCAN TOTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="165"/>
        <source>CONFIRM THE WAVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="166"/>
        <source>WAIT FOR OTHER PICKERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="328"/>
        <source>‹ Waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="329"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="330"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="331"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="332"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="333"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="335"/>
        <source>Close the keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="336"/>
        <source>Confirm wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="337"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="344"/>
        <source>{done}/{total} lines · {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="358"/>
        <source>Lot {lot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="360"/>
        <source>{n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="360"/>
        <source>1 order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="362"/>
        <source>tote {tote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="362"/>
        <source>a new tote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="363"/>
        <source>Put {qty} in {where}
for {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="367"/>
        <source>({n} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../floorapp/ui/screens/placeholder.py" line="53"/>
        <source>{job} arrives in a coming release</source>
        <translation>{job} kommt in einer der nächsten Versionen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/placeholder.py" line="56"/>
        <source>This screen is not part of this version of FloorApp yet. Nothing is recorded here. Go back and use your usual procedure for this job.</source>
        <translation>Dieser Bildschirm ist in dieser FloorApp-Version noch nicht enthalten. Hier wird nichts erfasst. Gehen Sie zurück und erledigen Sie diese Arbeit wie bisher.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/placeholder.py" line="60"/>
        <source>Back to home</source>
        <translation>Zurück zum Start</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/placeholder.py" line="64"/>
        <source>Scans are not recorded on this screen yet.</source>
        <translation>Scans werden auf diesem Bildschirm noch nicht erfasst.</translation>
    </message>
</context>
<context>
    <name>PrintQueueWidget</name>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="127"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="128"/>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="187"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="203"/>
        <source>Pick a job first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="208"/>
        <source>That job was already printed or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="27"/>
        <source>Picker</source>
        <translation>Kommissionierer</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="28"/>
        <source>Packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="29"/>
        <source>Inspector</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/home.py" line="30"/>
        <source>Supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
</context>
<context>
    <name>ShortReasonPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="447"/>
        <source>Short pick: why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="448"/>
        <source>What you took so far stays picked. The bin gets a count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="450"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="451"/>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="452"/>
        <source>Not enough in bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="453"/>
        <source>Wrong product in bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="457"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="144"/>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="148"/>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="154"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="150"/>
        <source>Scan your badge</source>
        <translation>Scannen Sie Ihren Ausweis</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="151"/>
        <source>…or tap your name and type your PIN</source>
        <translation>…oder Namen antippen und PIN eingeben</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="152"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="153"/>
        <source>Not me</source>
        <translation>Nicht ich</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="200"/>
        <source>Tap your name first.</source>
        <translation>Tippen Sie zuerst auf Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="204"/>
        <source>Type your PIN.</source>
        <translation>Geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="219"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="253"/>
        <source>No users on this device yet. Ask a supervisor.</source>
        <translation>Auf diesem Gerät gibt es noch keine Benutzer. Fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="270"/>
        <source>Your PIN</source>
        <translation>Ihre PIN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="272"/>
        <source>PIN for {name}</source>
        <translation>PIN für {name}</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="196"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="203"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="206"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="209"/>
        <source>No Odoo server is set up; all work is kept on this device.</source>
        <translation>Kein Odoo-Server eingerichtet; alle Arbeit bleibt auf diesem Gerät.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../floorapp/ui/status_bar.py" line="212"/>
        <source>Queue: %n</source>
        <translation>
            <numerusform>Warteschlange: %n</numerusform>
            <numerusform>Warteschlange: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../floorapp/ui/status_bar.py" line="215"/>
        <source>to check: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>parked: %n</source>
        <translation type="vanished">
            <numerusform>geparkt: %n</numerusform>
            <numerusform>geparkt: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="219"/>
        <source>Oldest: –</source>
        <translation>Älteste: –</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="221"/>
        <source>Oldest: {age}</source>
        <translation>Älteste: {age}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="222"/>
        <source>Synced: {when}</source>
        <translation>Sync: {when}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="230"/>
        <source>Data: {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="241"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="210"/>
        <source>Sync &amp; parked transactions</source>
        <translation type="unfinished">Synchroni­sation &amp; geparkte Buchungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="215"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="216"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="217"/>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="218"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="219"/>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="221"/>
        <source>Print queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="272"/>
        <source>No Odoo server is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="273"/>
        <source>Sync is off: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="277"/>
        <source>Online · Odoo {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="280"/>
        <source>Checking Odoo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="284"/>
        <source>Offline: Odoo cannot be reached. Work is kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="286"/>
        <source>Offline: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="292"/>
        <source>Last sync OK: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="294"/>
        <source>never downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="295"/>
        <source>Data age: {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="299"/>
        <source>Waiting to send: {queued} · Parked: {parked} · Conflicts: {conflicts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="307"/>
        <source>never</source>
        <translation type="unfinished">nie</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="308"/>
        <source>{time} ({age} ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="322"/>
        <source>Nothing needs you: no parked or conflicting transactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="323"/>
        <source>Fix it in Odoo, then Retry. Or Discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="331"/>
        <source>CONFLICT · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="332"/>
        <source>{reason}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="334"/>
        <source>PARKED · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="335"/>
        <source>Odoo says: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="336"/>
        <source>Done by {user} on {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="338"/>
        <source>On the floor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="341"/>
        <source>In Odoo now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="361"/>
        <source>Sync is off on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="363"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="372"/>
        <source>Downloading {model}: {rows} rows (step {step} of {steps})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="382"/>
        <source>Sync done: {applied} sent to Odoo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="384"/>
        <source>Sync stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="385"/>
        <source>Download finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="402"/>
        <location filename="../../floorapp/ui/sync_screen.py" line="405"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="403"/>
        <source>Discard “{title}”? It will never be sent to Odoo; fix Odoo by hand if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="405"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="420"/>
        <source>Sent back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="424"/>
        <source>Discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaveListPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="119"/>
        <source>Waves to pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="120"/>
        <source>No wave on this device. Download your waves while you have network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="121"/>
        <source>Download waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="122"/>
        <source>Back to home</source>
        <translation>Zurück zum Start</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="128"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="128"/>
        <source>Open to claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="130"/>
        <source>Done, waiting for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="132"/>
        <source>{done} of {total} lines picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="135"/>
        <source>1 order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="135"/>
        <source>{n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="143"/>
        <source>1 line taken by another picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="145"/>
        <source>{n} lines taken by other pickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="138"/>
        <source>Data: {age}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WavePickingScreen</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="587"/>
        <source>Wave picking</source>
        <translation>Wellen-Kommis­sionierung</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="603"/>
        <source>Open a wave first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="605"/>
        <source>Choose on the screen or Cancel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="642"/>
        <source>Downloading waves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="652"/>
        <source>Download failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="654"/>
        <source>Waves downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="703"/>
        <source>Type the quantity first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
