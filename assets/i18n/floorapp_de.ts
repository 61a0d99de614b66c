<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Auth</name>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="56"/>
        <source>A PIN is {min} to {max} digits.</source>
        <translation>Eine PIN hat {min} bis {max} Ziffern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="121"/>
        <source>picker</source>
        <extracomment>Which role may do which job; the supervisor may do everything. A role&apos;s name in a sentence (&quot;signed in as picker&quot;), and in the plural (&quot;this is for supervisors only&quot;).</extracomment>
        <translation>Kommissionierer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="122"/>
        <source>packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="123"/>
        <source>inspector</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="124"/>
        <source>supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="127"/>
        <source>pickers</source>
        <translation>Kommissionierer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="128"/>
        <source>packers</source>
        <translation>Packer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="129"/>
        <source>inspectors</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="130"/>
        <source>supervisors</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="134"/>
        <source>wave picking</source>
        <extracomment>A job&apos;s name in a sentence (&quot;may not do wave picking&quot;).</extracomment>
        <translation>Wellen-Kommissionierung</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="135"/>
        <source>packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="136"/>
        <source>returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="137"/>
        <source>cycle counts</source>
        <translation>Inventurzählungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="138"/>
        <source>sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="139"/>
        <source>devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="140"/>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="141"/>
        <source>scan rules</source>
        <translation>Scan-Regeln</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="155"/>
        <source>another role</source>
        <translation>eine andere Rolle</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="158"/>
        <source>{first} or {second}</source>
        <translation>{first} oder {second}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="196"/>
        <source>{name} is signed in as {role}; this is for {needed} only.</source>
        <translation>{name} ist als {role} angemeldet; das ist nur für {needed}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="205"/>
        <source>{name} is signed in as {role} and may not do {job}.</source>
        <translation>{name} ist als {role} angemeldet und darf {job} nicht machen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="352"/>
        <source>There is no user #{id}.</source>
        <translation>Es gibt keinen Benutzer Nr. {id}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="371"/>
        <source>A user needs a login and a name.</source>
        <translation>Ein Benutzer braucht eine Anmeldung und einen Namen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="376"/>
        <source>Unknown role &apos;{role}&apos;; a role is one of {roles}.</source>
        <translation>Unbekannte Rolle „{role}“; möglich sind: {roles}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="379"/>
        <source>A user with the login &apos;{login}&apos; exists already.</source>
        <translation>Es gibt schon einen Benutzer mit der Anmeldung „{login}“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="409"/>
        <source>The badge barcode is empty.</source>
        <translation>Der Ausweis-Barcode ist leer.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="417"/>
        <source>This badge belongs to {name} already.</source>
        <translation>Dieser Ausweis gehört schon {name}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="506"/>
        <source>Unknown user &apos;{login}&apos;. Pick your name from the list or ask a supervisor.</source>
        <translation>Unbekannter Benutzer „{login}“. Wählen Sie Ihren Namen aus der Liste oder fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="511"/>
        <location filename="../../floorapp/workflows/auth.py" line="562"/>
        <source>{name} is disabled. Ask a supervisor.</source>
        <translation>{name} ist gesperrt. Fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="517"/>
        <source>{name} is locked out after too many wrong PINs until {time}. Wait, or ask a supervisor.</source>
        <translation>{name} ist nach zu vielen falschen PINs bis {time} Uhr gesperrt. Warten Sie oder fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="526"/>
        <source>{name} has no PIN yet. Scan your badge, or ask a supervisor to set a PIN.</source>
        <translation>{name} hat noch keine PIN. Scannen Sie Ihren Ausweis oder lassen Sie die Schichtleitung eine PIN setzen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="539"/>
        <source>Wrong PIN. {name} is locked out until {time}.</source>
        <translation>Falsche PIN. {name} ist bis {time} Uhr gesperrt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="545"/>
        <source>Wrong PIN. {left} attempt left before {name} is locked out.</source>
        <translation>Falsche PIN. Noch {left} Versuch, dann wird {name} gesperrt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="546"/>
        <source>Wrong PIN. {left} attempts left before {name} is locked out.</source>
        <translation>Falsche PIN. Noch {left} Versuche, dann wird {name} gesperrt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/auth.py" line="557"/>
        <source>This badge is not known. Sign in with your PIN, or ask a supervisor to register it.</source>
        <translation>Dieser Ausweis ist unbekannt. Melden Sie sich mit Ihrer PIN an oder lassen Sie ihn von der Schichtleitung registrieren.</translation>
    </message>
</context>
<context>
    <name>BackorderPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="476"/>
        <source>Some items are short</source>
        <translation>Es fehlen Artikel</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="478"/>
        <source>What you picked ships now. Should the missing items follow later in a backorder?</source>
        <translation>Was Sie kommissioniert haben, geht jetzt raus. Soll der Rest später als Rückstand folgen?</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="480"/>
        <source>Backorder the rest</source>
        <translation>Rest als Rückstand</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="481"/>
        <source>No backorder</source>
        <translation>Kein Rückstand</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="482"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>BarcodeCommands</name>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="60"/>
        <source>Validate</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="61"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="62"/>
        <source>Put in pack</source>
        <translation>Verpacken</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="64"/>
        <source>Print picking operation</source>
        <translation>Auftrag drucken</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="66"/>
        <source>Print delivery slip</source>
        <translation>Lieferschein drucken</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="67"/>
        <source>Scrap</source>
        <translation>Ausschuss buchen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="68"/>
        <source>Return</source>
        <translation>Retoure</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="70"/>
        <source>Record components</source>
        <translation>Komponenten erfassen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="72"/>
        <source>Main menu</source>
        <translation>Hauptmenü</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="73"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="74"/>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="75"/>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="77"/>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="79"/>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="81"/>
        <source>Undo last scan</source>
        <translation>Letzten Scan zurücknehmen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="82"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="83"/>
        <source>Skip line</source>
        <translation>Zeile überspringen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="84"/>
        <source>Short pick</source>
        <translation>Fehlmenge melden</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/commands.py" line="86"/>
        <source>Print label</source>
        <translation>Etikett drucken</translation>
    </message>
</context>
<context>
    <name>Barcodes</name>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="280"/>
        <source>{command} ({code})</source>
        <translation>{command} ({code})</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="285"/>
        <source>x {quantity} {unit}</source>
        <translation>x {quantity} {unit}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="287"/>
        <source>x {quantity}</source>
        <translation>x {quantity}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="293"/>
        <source>lot {lot}</source>
        <translation>Charge {lot}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="295"/>
        <source>lot {lot} (new)</source>
        <translation>Charge {lot} (neu)</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="297"/>
        <source>serial {serial}</source>
        <translation>Seriennummer {serial}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="299"/>
        <source>expires {date}</source>
        <translation>läuft ab {date}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="301"/>
        <source>location {name}</source>
        <translation>Lagerplatz {name}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="304"/>
        <source>package {name}</source>
        <translation>Packstück {name}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="306"/>
        <source>picking {name} ({state})</source>
        <translation>Transfer {name} ({state})</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="309"/>
        <source>user {name} ({role})</source>
        <translation>Benutzer {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="312"/>
        <source>measure {value} {unit}</source>
        <translation>Maß {value} {unit}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="315"/>
        <source>price {price}</source>
        <translation>Preis {price}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="319"/>
        <source>{kind}: {body}</source>
        <translation>{kind}: {body}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="325"/>
        <source>product</source>
        <extracomment>A scan kind in words (``summary`` writes the enum&apos;s value, which is these in English).</extracomment>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="326"/>
        <source>packaging</source>
        <translation>Verpackung</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="327"/>
        <source>lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="328"/>
        <source>serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="329"/>
        <source>location</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="330"/>
        <source>package</source>
        <translation>Packstück</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="331"/>
        <source>picking</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="332"/>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="333"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="342"/>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="343"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="412"/>
        <source>The scan was empty. Scan again.</source>
        <translation>Der Scan war leer. Bitte noch einmal scannen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="422"/>
        <source>&apos;{code}&apos; is not a command FloorApp knows.</source>
        <translation>„{code}“ ist kein bekannter Befehl.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="451"/>
        <source>Barcode &apos;{code}&apos; is not known on this device.</source>
        <translation>Barcode „{code}“ ist auf diesem Gerät unbekannt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="482"/>
        <source>Lot &apos;{lot}&apos; exists for several products. Scan the product first.</source>
        <translation>Charge „{lot}“ gibt es bei mehreren Artikeln. Scannen Sie zuerst den Artikel.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="640"/>
        <source>No location with GLN {gln} on this device.</source>
        <translation>Kein Lagerplatz mit GLN {gln} auf diesem Gerät.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="649"/>
        <source>Lot &apos;{lot}&apos; is not known on this device.</source>
        <translation>Charge „{lot}“ ist auf diesem Gerät unbekannt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="653"/>
        <source>This GS1 barcode names no product, package, lot or location.</source>
        <translation>Dieser GS1-Barcode nennt keinen Artikel, kein Packstück, keine Charge und keinen Lagerplatz.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/resolve.py" line="670"/>
        <source>No product with GTIN {gtin} on this device.</source>
        <translation>Kein Artikel mit GTIN {gtin} auf diesem Gerät.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="174"/>
        <source>Something went wrong with the camera.</source>
        <translation>Mit der Kamera ist etwas schiefgelaufen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="246"/>
        <location filename="../../floorapp/ui/camera_view.py" line="306"/>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="250"/>
        <source>Take photo</source>
        <translation>Foto machen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="282"/>
        <source>Starting the camera…</source>
        <translation>Kamera startet…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="362"/>
        <source>Photo saved ({kb} KB).</source>
        <translation>Foto gespeichert ({kb} KB).</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="378"/>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/camera_view.py" line="392"/>
        <source>The camera stopped before the photo was taken.</source>
        <translation>Die Kamera hat gestoppt, bevor das Foto gemacht wurde.</translation>
    </message>
</context>
<context>
    <name>Cameras</name>
    <message>
        <location filename="../../floorapp/devices/camera/_cv.py" line="17"/>
        <source>Cameras need OpenCV (the opencv-python-headless package), which is not installed.</source>
        <translation>Kameras brauchen OpenCV (Paket opencv-python-headless), das nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/base.py" line="47"/>
        <source>Camera resolution &apos;{text}&apos; is not WIDTHxHEIGHT (for example 1280x720).</source>
        <translation>Die Kameraauflösung „{text}“ ist nicht BREITExHÖHE (zum Beispiel 1280x720).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/base.py" line="57"/>
        <source>The {camera} is not open.</source>
        <extracomment>Said by every camera driver asked for a frame before ``open`` or after ``close``.</extracomment>
        <translation>{camera} ist nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/factory.py" line="22"/>
        <source>No camera is configured on this device (setting camera.source).</source>
        <translation>Auf diesem Gerät ist keine Kamera eingerichtet (Einstellung camera.source).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/factory.py" line="44"/>
        <source>camera.source &apos;{source}&apos; names no camera index, device or image/video file.</source>
        <translation>camera.source „{source}“ nennt keine Kameranummer, kein Gerät und keine Bild- oder Videodatei.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/opencv.py" line="29"/>
        <source>camera {source}</source>
        <translation>Kamera {source}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/opencv.py" line="42"/>
        <source>The {camera} could not be opened. Is it plugged in and not used by another program?</source>
        <translation>{camera} konnte nicht geöffnet werden. Ist sie angeschlossen und nicht von einem anderen Programm belegt?</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/opencv.py" line="63"/>
        <source>The {camera} stopped delivering pictures; it may be unplugged.</source>
        <translation>{camera} liefert keine Bilder mehr; vielleicht wurde sie abgezogen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/photo.py" line="76"/>
        <source>The photo could not be saved in {folder}; the device may be out of space.</source>
        <translation>Das Foto konnte nicht in {folder} gespeichert werden; vielleicht ist der Speicher voll.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/photo.py" line="110"/>
        <source>The photo could not be encoded as JPEG.</source>
        <translation>Das Foto konnte nicht als JPEG gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/photo.py" line="132"/>
        <source>The photo cannot be made small enough for the size limit; raise camera.max_photo_bytes.</source>
        <translation>Das Foto lässt sich nicht klein genug machen; erhöhen Sie camera.max_photo_bytes.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/photo.py" line="147"/>
        <source>The {camera} delivered no picture.</source>
        <translation>{camera} hat kein Bild geliefert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/simulated.py" line="28"/>
        <source>The camera simulator was given no image or video files.</source>
        <translation>Der Kamera-Simulator hat keine Bild- oder Videodateien bekommen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/simulated.py" line="47"/>
        <source>simulated camera ({files})</source>
        <translation>Simulierte Kamera ({files})</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/simulated.py" line="53"/>
        <source>The camera simulator cannot find {path}.</source>
        <translation>Der Kamera-Simulator findet {path} nicht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/simulated.py" line="57"/>
        <source>The camera simulator cannot play {file}: not an image or video file.</source>
        <translation>Der Kamera-Simulator kann {file} nicht abspielen: keine Bild- oder Videodatei.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/simulated.py" line="75"/>
        <source>The camera simulator cannot read the image {file}.</source>
        <translation>Der Kamera-Simulator kann das Bild {file} nicht lesen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/camera/simulated.py" line="84"/>
        <source>The camera simulator cannot play the video {file}.</source>
        <translation>Der Kamera-Simulator kann das Video {file} nicht abspielen.</translation>
    </message>
</context>
<context>
    <name>DeviceLinks</name>
    <message>
        <location filename="../../floorapp/devices/transport/__init__.py" line="31"/>
        <source>Unknown transport &apos;{kind}&apos;; use one of {kinds}.</source>
        <translation>Unbekannte Verbindung „{kind}“; möglich sind: {kinds}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/base.py" line="16"/>
        <source>Writing to {device} failed; the device may be unplugged.</source>
        <extracomment>Said by every link that can lose its device under it (serial port, USB device file).</extracomment>
        <translation>Senden an {device} fehlgeschlagen; vielleicht ist das Gerät abgezogen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/base.py" line="17"/>
        <source>Reading from {device} failed; the device may be unplugged.</source>
        <translation>Lesen von {device} fehlgeschlagen; vielleicht ist das Gerät abgezogen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/base.py" line="89"/>
        <source>{device} is not connected.</source>
        <extracomment>A short human name of the endpoint (``tcp://10.0.0.7:9100``, ``serial:///dev/ttyUSB0``) for messages. Whether the device can talk back over this link (a plain file or a CUPS queue cannot).</extracomment>
        <translation>{device} ist nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/cups.py" line="35"/>
        <source>CUPS queue {queue}</source>
        <translation>CUPS-Warteschlange {queue}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/cups.py" line="41"/>
        <source>No CUPS queue is configured for the printer.</source>
        <translation>Für den Drucker ist keine CUPS-Warteschlange eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/cups.py" line="44"/>
        <source>Printing through CUPS needs the lp command, which is not installed here.</source>
        <translation>Drucken über CUPS braucht den Befehl lp, der hier nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/cups.py" line="57"/>
        <source>Handing the job to {device} failed.</source>
        <translation>Der Auftrag konnte nicht an {device} übergeben werden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/cups.py" line="61"/>
        <source>{device} refused the job: {message}</source>
        <translation>{device} hat den Auftrag abgelehnt: {message}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/cups.py" line="63"/>
        <source>{device} refused the job: unknown error</source>
        <translation>{device} hat den Auftrag abgelehnt: unbekannter Fehler</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/device_file.py" line="30"/>
        <source>USB device {path}</source>
        <translation>USB-Gerät {path}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/device_file.py" line="39"/>
        <source>Cannot open {device}; permission denied (is the user in the lp group?)</source>
        <translation>{device} lässt sich nicht öffnen: keine Berechtigung (ist der Benutzer in der Gruppe lp?)</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/device_file.py" line="42"/>
        <source>Cannot open {device}; is it plugged in?</source>
        <translation>{device} lässt sich nicht öffnen. Ist es angeschlossen?</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/device_file.py" line="57"/>
        <source>{device} stopped taking data (paper out or jammed?).</source>
        <translation>{device} nimmt keine Daten mehr an (Papier leer oder Stau?).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/file.py" line="29"/>
        <source>file {path}</source>
        <translation>Datei {path}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/file.py" line="37"/>
        <source>Cannot write to {device}.</source>
        <translation>In {device} kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/file.py" line="48"/>
        <source>Writing to {device} failed (disk full?).</source>
        <translation>Schreiben in {device} fehlgeschlagen (Speicher voll?).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/serial.py" line="47"/>
        <source>Serial devices need the pyserial package, which is not installed.</source>
        <translation>Serielle Geräte brauchen das Paket pyserial, das nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/serial.py" line="69"/>
        <source>serial port {port}</source>
        <translation>serielle Schnittstelle {port}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/serial.py" line="76"/>
        <source>No serial port is configured for this device.</source>
        <translation>Für dieses Gerät ist keine serielle Schnittstelle eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/serial.py" line="91"/>
        <source>Cannot open {device}; is the device plugged in?</source>
        <translation>{device} lässt sich nicht öffnen. Ist das Gerät angeschlossen?</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="23"/>
        <source>The printer address is empty; enter host:port, for example 10.0.0.7:9100.</source>
        <translation>Die Druckeradresse ist leer; geben Sie Host:Port ein, zum Beispiel 10.0.0.7:9100.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="35"/>
        <source>&apos;{address}&apos; is not host:port.</source>
        <translation>„{address}“ ist nicht Host:Port.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="38"/>
        <source>Port {port} in &apos;{address}&apos; is out of range.</source>
        <translation>Port {port} in „{address}“ ist ungültig.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="72"/>
        <source>{device} is not answering; check that it is on and on the network.</source>
        <translation>{device} antwortet nicht. Prüfen Sie, ob das Gerät eingeschaltet und im Netzwerk ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="86"/>
        <source>Sending to {device} failed; the connection dropped.</source>
        <translation>Senden an {device} fehlgeschlagen; die Verbindung ist abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="100"/>
        <source>Reading from {device} failed; the connection dropped.</source>
        <translation>Lesen von {device} fehlgeschlagen; die Verbindung ist abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/transport/tcp.py" line="106"/>
        <source>{device} closed the connection.</source>
        <translation>{device} hat die Verbindung beendet.</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <location filename="../../floorapp/devices/discovery.py" line="37"/>
        <source>Finding printers on the network needs the zeroconf package.</source>
        <translation>Für die Druckersuche im Netzwerk fehlt das Paket zeroconf.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/discovery.py" line="193"/>
        <source>Network discovery is not possible here (multicast is blocked or no network).</source>
        <translation>Gerätesuche im Netzwerk ist hier nicht möglich (Multicast gesperrt oder kein Netzwerk).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/discovery.py" line="235"/>
        <source>This station could not announce itself on the network.</source>
        <translation>Diese Station konnte sich nicht im Netzwerk anmelden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/factory.py" line="39"/>
        <source>Unknown printer language &apos;{name}&apos;; use zpl or escpos.</source>
        <extracomment>The name print jobs use for the printer configured in settings.</extracomment>
        <translation>Unbekannte Druckersprache „{name}“; möglich sind zpl oder escpos.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/factory.py" line="71"/>
        <source>No printer named &apos;{name}&apos; is set up on this device.</source>
        <translation>Auf diesem Gerät ist kein Drucker „{name}“ eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="36"/>
        <source>No label printer set up</source>
        <translation>Kein Etikettendrucker eingerichtet</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="40"/>
        <source>{language} at {address}</source>
        <translation>{language} an {address}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="42"/>
        <source>{language} at {address} ({transport})</source>
        <translation>{language} an {address} ({transport})</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="53"/>
        <source>No scale set up</source>
        <translation>Keine Waage eingerichtet</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="56"/>
        <source>{driver} scale on {port}</source>
        <translation>Waage {driver} an {port}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="57"/>
        <source>{driver} scale</source>
        <translation>Waage {driver}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="98"/>
        <source>No label printer is set up yet; find one and choose it first.</source>
        <translation>Es ist noch kein Etikettendrucker eingerichtet. Suchen Sie zuerst einen und wählen Sie ihn aus.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="102"/>
        <source>The printer is not ready: {problems}.</source>
        <translation>Der Drucker ist nicht bereit: {problems}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="105"/>
        <source>Test label sent to {printer}.</source>
        <translation>Testetikett an {printer} gesendet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/setup.py" line="112"/>
        <source>No scale is set up on this device.</source>
        <translation>Auf diesem Gerät ist keine Waage eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/spool.py" line="138"/>
        <source>This carrier label is ZPL but the printer speaks ESC/POS; ask for a PDF label.</source>
        <extracomment>Finds the printer a job names (``LabelPrinter.name``); raises ``ConfigError`` for an unknown one. Called after a job is queued (a running ``SpoolWorker`` wakes up through it).</extracomment>
        <translation>Dieses Versandetikett ist ZPL, der Drucker kann aber nur ESC/POS. Fordern Sie ein PDF-Etikett an.</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="289"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="440"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="293"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="461"/>
        <source>Print, weigh</source>
        <translation>Drucken, wiegen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="294"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="461"/>
        <source>Scan, photo</source>
        <translation>Scannen, Foto</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="304"/>
        <source>ZPL label printer</source>
        <translation>ZPL-Etikettendrucker</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="305"/>
        <source>ESC/POS receipt printer</source>
        <translation>ESC/POS-Bondrucker</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="306"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="307"/>
        <source>Use selected</source>
        <translation>Auswahl nutzen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="308"/>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="314"/>
        <source>Test weigh</source>
        <translation>Testwiegen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="324"/>
        <source>Camera number, /dev/video0 or a file</source>
        <translation>Kameranummer, /dev/video0 oder Datei</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="330"/>
        <source>Show cameras</source>
        <translation>Kameras zeigen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="331"/>
        <source>Use</source>
        <translation>Nutzen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="333"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="548"/>
        <source>Test scan</source>
        <translation>Testscan</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="334"/>
        <source>Test photo</source>
        <translation>Testfoto</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="337"/>
        <source>Test serial scan</source>
        <translation>Test serieller Scan</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="340"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="445"/>
        <source>no symbology identifier</source>
        <translation>keine Symbologie-Kennung</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="447"/>
        <source>Camera read: {text} ({symbology})</source>
        <translation>Kamera hat gelesen: {text} ({symbology})</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="449"/>
        <source>Serial scanner read: {text} ({symbology})</source>
        <translation>Serieller Scanner hat gelesen: {text} ({symbology})</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="451"/>
        <source>Scan read: {text} ({symbology})</source>
        <translation>Scan gelesen: {text} ({symbology})</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="480"/>
        <source>Looking for printers on the network…</source>
        <translation>Suche Drucker im Netzwerk…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="486"/>
        <source>Pick a printer from the list first.</source>
        <translation>Wählen Sie zuerst einen Drucker aus der Liste.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="495"/>
        <source>Label printer set to {name}.</source>
        <translation>Etikettendrucker ist jetzt {name}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="505"/>
        <source>The scale answers.</source>
        <translation>Die Waage antwortet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="523"/>
        <source>No camera on this device.</source>
        <translation>Keine Kamera auf diesem Gerät.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="526"/>
        <source>Camera set. Hold a barcode in front of it to test.</source>
        <translation>Kamera eingestellt. Halten Sie zum Test einen Barcode davor.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="535"/>
        <source>Hold a barcode in front of the camera.</source>
        <translation>Halten Sie einen Barcode vor die Kamera.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="539"/>
        <source>Taking a photo…</source>
        <translation>Foto wird gemacht…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="544"/>
        <source>Photo {kb} KB, {width}x{height} (limit {limit} KB)</source>
        <translation>Foto {kb} KB, {width}x{height} (Grenze {limit} KB)</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="548"/>
        <source>Stop camera</source>
        <translation>Kamera stoppen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="556"/>
        <source>Nothing was scanned with the serial scanner.</source>
        <translation>Mit dem seriellen Scanner wurde nichts gescannt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="558"/>
        <source>Opening the serial scanner…</source>
        <translation>Serieller Scanner wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="563"/>
        <source>Scan a barcode with the serial scanner now.</source>
        <translation>Scannen Sie jetzt einen Barcode mit dem seriellen Scanner.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="579"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="579"/>
        <source>not raw, port 9100 assumed</source>
        <translation>nicht raw, Port 9100 angenommen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="588"/>
        <source>Label printer: {summary}</source>
        <translation>Etikettendrucker: {summary}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="590"/>
        <source>Scale: {summary}</source>
        <translation>Waage: {summary}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="596"/>
        <source>Serial scanner: {port}</source>
        <translation>Serieller Scanner: {port}</translation>
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
        <location filename="../../floorapp/ui/picking/screen.py" line="510"/>
        <source>Wave done</source>
        <translation>Welle fertig</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="511"/>
        <source>Back to waves</source>
        <translation>Zurück zu den Wellen</translation>
    </message>
</context>
<context>
    <name>GS1</name>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="333"/>
        <source>serial shipping container code</source>
        <translation>NVE (SSCC)</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="334"/>
        <source>global trade item number</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="335"/>
        <source>gtin of contained trade items</source>
        <translation>GTIN des Inhalts</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="336"/>
        <source>batch or lot number</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="337"/>
        <source>production date</source>
        <translation>Herstelldatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="338"/>
        <source>due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="339"/>
        <source>packaging date</source>
        <translation>Verpackungsdatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="340"/>
        <source>best before date</source>
        <translation>Mindesthaltbarkeitsdatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="341"/>
        <source>sell by date</source>
        <translation>Verkaufsdatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="342"/>
        <source>expiration date</source>
        <translation>Verfallsdatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="343"/>
        <source>internal product variant</source>
        <translation>Produktvariante</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="344"/>
        <source>serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="346"/>
        <source>count of items in a variable measure trade item</source>
        <translation>Stückzahl</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="348"/>
        <source>count of trade items contained in a logistic unit</source>
        <translation>Anzahl Einheiten</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="349"/>
        <source>net weight</source>
        <translation>Nettogewicht</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="350"/>
        <source>length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="351"/>
        <source>width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="352"/>
        <source>height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="353"/>
        <source>area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="354"/>
        <source>net volume</source>
        <translation>Nettovolumen</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="355"/>
        <source>logistic gross weight</source>
        <translation>Bruttogewicht</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="356"/>
        <source>logistic length</source>
        <translation>Länge der Ladeeinheit</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="357"/>
        <source>logistic width</source>
        <translation>Breite der Ladeeinheit</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="358"/>
        <source>logistic height</source>
        <translation>Höhe der Ladeeinheit</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="359"/>
        <source>logistic area</source>
        <translation>Fläche der Ladeeinheit</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="360"/>
        <source>logistic volume</source>
        <translation>Volumen der Ladeeinheit</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="361"/>
        <source>customer&apos;s purchase order number</source>
        <translation>Bestellnummer des Kunden</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="363"/>
        <source>identification of a physical location (gln)</source>
        <translation>Lagerplatz (GLN)</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="364"/>
        <source>country of origin of a trade item</source>
        <translation>Ursprungsland</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="365"/>
        <source>expiration date and time</source>
        <translation>Verfallsdatum und -uhrzeit</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="396"/>
        <source>A check digit can only be computed over digits.</source>
        <translation>Eine Prüfziffer gibt es nur für Ziffern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="452"/>
        <source>The date in the barcode is not six digits (YYMMDD).</source>
        <translation>Das Datum im Barcode hat nicht sechs Ziffern (JJMMTT).</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="458"/>
        <source>The date {date} in the barcode has no month {month}.</source>
        <translation>Das Datum {date} im Barcode hat keinen Monat {month}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="467"/>
        <source>The date {date} in the barcode does not exist.</source>
        <translation>Das Datum {date} im Barcode gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="480"/>
        <source>The time {time} in the barcode is not a valid time of day.</source>
        <translation>Die Uhrzeit {time} im Barcode ist ungültig.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="640"/>
        <source>AI ({ai}) {name}: {problem}</source>
        <translation>{name} ({ai}): {problem}</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="663"/>
        <source>The barcode is not text.</source>
        <translation>Barcode nicht lesbar: er ist kein Text.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="668"/>
        <source>The barcode holds no GS1 data.</source>
        <translation>Barcode nicht lesbar: keine GS1-Daten darin.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="675"/>
        <source>Unknown GS1 application identifier at &apos;{code}&apos;.</source>
        <translation>Barcode nicht lesbar: unbekannter GS1-Datenbezeichner bei „{code}“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="686"/>
        <source>AI ({ai}) {name} needs {length} characters.</source>
        <translation>Barcode nicht lesbar: {name} ({ai}) braucht {length} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="697"/>
        <source>AI ({ai}) {name} is empty.</source>
        <translation>Barcode nicht lesbar: {name} ({ai}) ist leer.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="704"/>
        <source>AI ({ai}) {name} is longer than {length} characters (missing separator?).</source>
        <translation>Barcode nicht lesbar: {name} ({ai}) ist länger als {length} Zeichen (fehlt ein Trennzeichen?).</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="714"/>
        <source>AI ({ai}) {name} has invalid characters or length: &apos;{data}&apos;.</source>
        <translation>Barcode nicht lesbar: {name} ({ai}) hat falsche Zeichen oder Länge: „{data}“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="721"/>
        <source>The check digit of AI ({ai}) {title} {data} is wrong.</source>
        <translation>Barcode nicht lesbar: Die Prüfziffer von {title} ({ai}) {data} ist falsch.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="738"/>
        <source>Not a GS1 human-readable string: it must start with &apos;(AI)&apos;.</source>
        <translation>Kein GS1-Klartext: er muss mit einem Datenbezeichner in Klammern beginnen, z. B. „(01)“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="741"/>
        <source>Not a GS1 human-readable string.</source>
        <translation>Kein GS1-Klartext.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="746"/>
        <location filename="../../floorapp/barcode/gs1.py" line="851"/>
        <source>Unknown GS1 application identifier ({ai}).</source>
        <translation>Unbekannter GS1-Datenbezeichner ({ai}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="800"/>
        <source>The link in the barcode cannot be read.</source>
        <translation>Der Link im Barcode ist nicht lesbar.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="808"/>
        <source>The link in the barcode is not a GS1 Digital Link (no product or unit key in it).</source>
        <translation>Der Link im Barcode ist kein GS1 Digital Link (kein Artikel- oder Einheitenschlüssel darin).</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="818"/>
        <source>Unknown GS1 application identifier ({ai}) in the link.</source>
        <translation>Unbekannter GS1-Datenbezeichner ({ai}) im Link.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="824"/>
        <source>AI ({ai}) in the link holds a control character.</source>
        <translation>Datenbezeichner ({ai}) im Link enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="855"/>
        <source>&apos;{data}&apos; is not valid data for AI ({ai}) {title}.</source>
        <translation>„{data}“ passt nicht zu {title} ({ai}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="871"/>
        <source>{value} has too many decimals for a GS1 measure.</source>
        <translation>{value} hat zu viele Nachkommastellen für einen GS1-Messwert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/barcode/gs1.py" line="876"/>
        <source>{value} does not fit a GS1 measure of {width} digits.</source>
        <translation>{value} passt nicht in einen GS1-Messwert mit {width} Stellen.</translation>
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
        <location filename="../../floorapp/ui/jobs.py" line="88"/>
        <source>Wave picking</source>
        <translation>Wellen-Kommis­sionierung</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="89"/>
        <source>Pick a wave into totes</source>
        <translation>Eine Welle in Behälter kommissionieren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="90"/>
        <source>Packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="91"/>
        <source>Scan-verify and pack orders</source>
        <translation>Aufträge per Scan prüfen und packen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="92"/>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="93"/>
        <source>Inspect returned goods</source>
        <translation>Zurückgesandte Ware prüfen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="94"/>
        <source>Cycle counts</source>
        <translation>Inventur­zählungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="95"/>
        <source>Count bins</source>
        <translation>Lagerplätze zählen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="96"/>
        <source>Sync &amp; parked transactions</source>
        <translation>Synchroni­sation &amp; geparkte Buchungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="97"/>
        <source>Queue, errors and conflicts</source>
        <translation>Warteschlange, Fehler und Konflikte</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="98"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="99"/>
        <source>Scanners, scales and printers</source>
        <translation>Scanner, Waagen und Drucker</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="100"/>
        <source>Users &amp; badges</source>
        <translation>Benutzer &amp; Ausweise</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="101"/>
        <source>PINs, badges, lockouts</source>
        <translation>PINs, Ausweise, Sperren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="102"/>
        <source>Scan rules</source>
        <translation>Scan-Regeln</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/jobs.py" line="103"/>
        <source>Which scans picking enforces</source>
        <translation>Welche Scans die Kommissionierung verlangt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="161"/>
        <source>FloorApp</source>
        <translation>FloorApp</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="195"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="238"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="238"/>
        <source>Sign out now?</source>
        <translation>Jetzt abmelden?</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="238"/>
        <source>Stay signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="263"/>
        <source>You were signed out after a while without activity.</source>
        <translation>Sie wurden nach längerer Inaktivität abgemeldet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/main_window.py" line="287"/>
        <source>This scan is not used on this screen.</source>
        <translation>Dieser Scan wird auf diesem Bildschirm nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../floorapp/ui/ops.py" line="189"/>
        <source>Something went wrong inside FloorApp. Please tell your supervisor.</source>
        <translation>In FloorApp ist etwas schiefgelaufen. Bitte sagen Sie der Schichtleitung Bescheid.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/ops.py" line="191"/>
        <source>Something went wrong inside FloorApp.</source>
        <translation>In FloorApp ist etwas schiefgelaufen.</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="162"/>
        <source>SCAN BIN</source>
        <translation>LAGERPLATZ SCANNEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="163"/>
        <source>SCAN ARTICLE</source>
        <translation>ARTIKEL SCANNEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="164"/>
        <source>SCAN LOT</source>
        <translation>CHARGE SCANNEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="165"/>
        <source>SCAN OR TYPE QUANTITY</source>
        <translation>MENGE ERFASSEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="166"/>
        <source>SCAN TOTE</source>
        <translation>BEHÄLTER SCANNEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="167"/>
        <source>CONFIRM THE WAVE</source>
        <translation>WELLE ABSCHLIESSEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="168"/>
        <source>WAIT FOR OTHER PICKERS</source>
        <translation>AUF ANDERE WARTEN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="332"/>
        <source>‹ Waves</source>
        <translation>‹ Wellen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="333"/>
        <source>Undo</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="334"/>
        <source>Skip</source>
        <translation>Später</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="335"/>
        <source>Short</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="336"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="337"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="339"/>
        <source>Close the keypad</source>
        <translation>Zahlenfeld schließen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="340"/>
        <source>Confirm wave</source>
        <translation>Welle abschließen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="341"/>
        <source>Check again</source>
        <translation>Neu prüfen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="348"/>
        <source>{done}/{total} lines · {percent}%</source>
        <translation>{done}/{total} Zeilen · {percent} %</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="362"/>
        <source>Lot {lot}</source>
        <translation>Charge {lot}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="364"/>
        <source>{n} orders</source>
        <translation>{n} Aufträge</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="364"/>
        <source>1 order</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="366"/>
        <source>tote {tote}</source>
        <translation>Behälter {tote}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="366"/>
        <source>a new tote</source>
        <translation>einen neuen Behälter</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="367"/>
        <source>Put {qty} in {where}
for {order}</source>
        <translation>{qty} in {where} legen
für {order}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="371"/>
        <source>({n} of {total})</source>
        <translation>({n} von {total})</translation>
    </message>
</context>
<context>
    <name>Picking</name>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="109"/>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="113"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="114"/>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="115"/>
        <source>quantity short</source>
        <translation>zu wenig da</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="116"/>
        <source>wrong product in bin</source>
        <translation>falscher Artikel im Platz</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="121"/>
        <source>location</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="122"/>
        <source>product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="123"/>
        <source>lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="124"/>
        <source>tote</source>
        <translation>Behälter</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="125"/>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="126"/>
        <source>skip</source>
        <translation>Später</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="127"/>
        <source>short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="131"/>
        <source>Put {quantity} in {where} for {order}: scan the tote.</source>
        <translation>{quantity} in {where} für {order} legen: Behälter scannen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="132"/>
        <source>First put {quantity} in {where} for {order}: scan the tote.</source>
        <translation>Erst {quantity} in {where} für {order} legen: Behälter scannen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="133"/>
        <source>Now put {quantity} in {where} for {order}: scan the tote.</source>
        <translation>Jetzt {quantity} in {where} für {order} legen: Behälter scannen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="134"/>
        <source>Finish first: put {quantity} in {where} for {order}: scan the tote.</source>
        <translation>Erst fertig machen: {quantity} in {where} für {order} legen: Behälter scannen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="339"/>
        <source>{name} is signed in as {role} and may not do wave picking.</source>
        <translation>{name} ist als {role} angemeldet und darf keine Wellen kommissionieren.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="379"/>
        <source>Choose a wave first.</source>
        <translation>Wählen Sie zuerst eine Welle.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="595"/>
        <source>{quantity} for {order}</source>
        <translation>{quantity} für {order}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="597"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="609"/>
        <source>Wave opened.</source>
        <translation>Welle geöffnet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="610"/>
        <source>Wave {wave}: go to {location}.</source>
        <translation>Welle {wave}: gehen Sie zu {location}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="614"/>
        <source>Picking paused. Your picked lines stay on this device.</source>
        <translation>Pause. Ihre kommissionierten Zeilen bleiben auf diesem Gerät.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="642"/>
        <source>1 line is being picked by other pickers.</source>
        <translation>1 Zeile wird von anderen kommissioniert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="644"/>
        <source>{count} lines are being picked by other pickers.</source>
        <translation>{count} Zeilen werden von anderen kommissioniert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="646"/>
        <source>Every line is picked: confirm the wave.</source>
        <translation>Alle Zeilen erledigt: Welle abschließen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="658"/>
        <source>Picked: {done}.</source>
        <translation>Entnommen: {done}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="671"/>
        <source>Next: {location}.</source>
        <translation>Weiter: {location}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="688"/>
        <source>Press Short and choose the reason.</source>
        <translation>Drücken Sie „Fehlt“ und wählen Sie den Grund.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="689"/>
        <source>{command} is not used while picking.</source>
        <translation>„{command}“ gibt es beim Kommissionieren nicht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="703"/>
        <source>Scan a bin, an article or a tote.</source>
        <translation>Scannen Sie Lagerplatz, Artikel oder Behälter.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="709"/>
        <source>Wrong location {scanned}. Go to {location}.</source>
        <translation>Falscher Lagerplatz {scanned}. Gehen Sie zu {location}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="713"/>
        <source>Already at {location}.</source>
        <translation>Sie sind schon bei {location}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="718"/>
        <source>{location} OK: take {product}.</source>
        <translation>{location} OK: nehmen Sie {product}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="724"/>
        <source>Expired on {date}: do not pick lot {lot}. Take another.</source>
        <translation>Abgelaufen am {date}: Charge {lot} nicht nehmen. Nehmen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="730"/>
        <source>Lot {lot} is not known for {product}. Check the label.</source>
        <translation>Charge {lot} ist für {product} unbekannt. Etikett prüfen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="734"/>
        <source>Lot {lot} expired on {date}: do not pick it. Take another.</source>
        <translation>Charge {lot} ist am {date} abgelaufen: nicht nehmen. Nehmen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="738"/>
        <source>One lot per pick: you already took lot {taken}. Put lot {lot} back.</source>
        <translation>Eine Charge pro Entnahme: Sie haben schon Charge {taken}. Legen Sie Charge {lot} zurück.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="755"/>
        <source>Serial {serial} is already picked for {order}. Scan another one.</source>
        <translation>Seriennummer {serial} ist schon für {order} entnommen. Scannen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="763"/>
        <source>One serial number is one unit: take one, then press Short for the rest.</source>
        <translation>Eine Seriennummer ist ein Stück: nehmen Sie eins, dann „Fehlt“ für den Rest.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="770"/>
        <source>Wrong product: {scanned}. Take {product}.</source>
        <translation>Falscher Artikel: {scanned}. Nehmen Sie {product}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="774"/>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="819"/>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="894"/>
        <source>Scan the location {location} first.</source>
        <translation>Scannen Sie zuerst den Lagerplatz {location}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="778"/>
        <source>This pick is closed as short. Undo to change it.</source>
        <translation>Diese Entnahme ist als Fehlmenge abgeschlossen. Mit „Zurück“ ändern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="784"/>
        <source>Expired on {date}: do not pick it. Take another.</source>
        <translation>Abgelaufen am {date}: nicht nehmen. Nehmen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="790"/>
        <source>Too many: {total} of {demand}. Scan single units or type the quantity.</source>
        <translation>Zu viele: {total} von {demand}. Einzeln scannen oder Menge tippen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="792"/>
        <source>Too many: {total} of {demand}. Put one back.</source>
        <translation>Zu viele: {total} von {demand}. Legen Sie eins zurück.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="804"/>
        <source>+{added} (pack): {total} of {demand}.</source>
        <translation>+{added} (Packung): {total} von {demand}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="806"/>
        <source>+{added}: {total} of {demand}.</source>
        <translation>+{added}: {total} von {demand}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="810"/>
        <source>Scan the lot.</source>
        <translation>Charge scannen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="815"/>
        <source>Lot {lot} is another product&apos;s. Take {product}.</source>
        <translation>Charge {lot} gehört zu einem anderen Artikel. Nehmen Sie {product}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="822"/>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="897"/>
        <source>Scan the product {product} first.</source>
        <translation>Scannen Sie zuerst den Artikel {product}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="825"/>
        <source>Lot {lot} already scanned.</source>
        <translation>Charge {lot} ist schon gescannt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="831"/>
        <source>Lot {lot} OK.</source>
        <translation>Charge {lot} OK.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="848"/>
        <source>Nothing left to put in a tote.</source>
        <translation>Nichts mehr in einen Behälter zu legen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="851"/>
        <source>tote {tote}</source>
        <translation>Behälter {tote}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="852"/>
        <source>a new tote</source>
        <translation>einen neuen Behälter</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="858"/>
        <source>Unknown barcode {code}.</source>
        <translation>Unbekannter Barcode {code}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="860"/>
        <source>That is a tote. First take {product} ({picked} of {demand}).</source>
        <translation>Das ist ein Behälter. Nehmen Sie erst {product} ({picked} von {demand}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="868"/>
        <source>Wrong tote. {order} goes in tote {tote}.</source>
        <translation>Falscher Behälter. {order} kommt in Behälter {tote}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="875"/>
        <source>Tote {tote} already holds {order}. Take an empty tote.</source>
        <translation>In Behälter {tote} ist schon {order}. Nehmen Sie einen leeren.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="880"/>
        <source>In tote {tote}: {done}.</source>
        <translation>In Behälter {tote}: {done}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="899"/>
        <source>Scan the lot first.</source>
        <translation>Scannen Sie zuerst die Charge.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="903"/>
        <source>The quantity cannot be negative.</source>
        <translation>Die Menge darf nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="907"/>
        <source>Too many: {total} of {demand}.</source>
        <translation>Zu viele: {total} von {demand}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="911"/>
        <source>{total} of {demand}. Scan more, or press Short.</source>
        <translation>{total} von {demand}. Weiter scannen oder „Fehlt“ drücken.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="915"/>
        <source>{total} of {demand}.</source>
        <translation>{total} von {demand}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="923"/>
        <source>You hold {picked}: put them back and press Undo, or press Short.</source>
        <translation>Sie haben {picked} in der Hand: zurücklegen und „Zurück“ drücken, oder „Fehlt“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="926"/>
        <source>This is the last line: pick it, or press Short.</source>
        <translation>Das ist die letzte Zeile: entnehmen oder „Fehlt“ drücken.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="948"/>
        <source>Skipped: it comes back at the end. Next: {location}.</source>
        <translation>Übersprungen: kommt am Ende wieder. Weiter: {location}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="955"/>
        <source>Scan the location {location} first: a short pick is checked at the bin.</source>
        <translation>Scannen Sie zuerst den Lagerplatz {location}: eine Fehlmenge wird am Platz geprüft.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="958"/>
        <source>Already marked short.</source>
        <translation>Schon als Fehlmenge gemeldet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="960"/>
        <source>You already have the full quantity.</source>
        <translation>Sie haben schon die volle Menge.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="964"/>
        <source>Short {missing} ({reason}); a count of this bin is requested.</source>
        <translation>Fehlmenge {missing} ({reason}); der Lagerplatz wird gezählt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="970"/>
        <source>Nothing to undo.</source>
        <translation>Nichts zurückzunehmen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="980"/>
        <source>{order} is already confirmed for sync; it cannot be undone on the floor.</source>
        <translation>{order} ist schon zum Senden bestätigt; das kann hier nicht zurückgenommen werden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="985"/>
        <source>Another picker has taken this line since; it cannot be undone here.</source>
        <translation>Diese Zeile hat inzwischen jemand anderes übernommen; hier nicht zurücknehmbar.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1002"/>
        <source>Undone: last {step} scan.</source>
        <translation>Zurückgenommen: letzter Scan ({step}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1009"/>
        <source>Put the goods in hand in their totes first.</source>
        <translation>Legen Sie erst die Ware aus der Hand in ihre Behälter.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1015"/>
        <source>1 line is not picked yet ({others} by other pickers).</source>
        <translation>1 Zeile ist noch offen ({others} bei anderen).</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1017"/>
        <source>{count} lines are not picked yet ({others} by other pickers).</source>
        <translation>{count} Zeilen sind noch offen ({others} bei anderen).</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1021"/>
        <source>1 line is not picked yet: pick it or mark it short.</source>
        <translation>1 Zeile ist noch offen: entnehmen oder als Fehlmenge melden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1023"/>
        <source>{count} lines are not picked yet: pick them or mark them short.</source>
        <translation>{count} Zeilen sind noch offen: entnehmen oder als Fehlmenge melden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1132"/>
        <source>Wave {wave} was already confirmed.</source>
        <translation>Welle {wave} ist schon abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1134"/>
        <source>Wave {wave} done: 1 order queued for sync.</source>
        <translation>Welle {wave} fertig: 1 Auftrag wartet aufs Senden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1135"/>
        <source>Wave {wave} done: {queued} orders queued for sync.</source>
        <translation>Welle {wave} fertig: {queued} Aufträge warten aufs Senden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1139"/>
        <source>1 bin count requested.</source>
        <translation>1 Platzzählung angefordert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1142"/>
        <source>{created} bin counts requested.</source>
        <translation>{created} Platzzählungen angefordert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1144"/>
        <source>Nothing found for {orders}: left open in Odoo.</source>
        <translation>Nichts gefunden für {orders}: bleibt in Odoo offen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/handlers.py" line="1317"/>
        <source>Wave {wave} is no longer on this device. Download it again.</source>
        <translation>Welle {wave} ist nicht mehr auf diesem Gerät. Laden Sie sie neu.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/scans.py" line="99"/>
        <source>Barcode {code} is not known on this device.</source>
        <translation>Barcode {code} ist auf diesem Gerät unbekannt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/scans.py" line="125"/>
        <source>That is the order label of {order}; scan its tote instead.</source>
        <translation>Das ist das Auftragsetikett von {order}; scannen Sie stattdessen den Behälter.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/picking/scans.py" line="127"/>
        <source>{scan}: not used while picking.</source>
        <translation>{scan}: beim Kommissionieren nicht verwendet.</translation>
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
        <location filename="../../floorapp/ui/devices_screen.py" line="128"/>
        <source>Retry</source>
        <translation>Nochmal</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="129"/>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="188"/>
        <location filename="../../floorapp/ui/devices_screen.py" line="204"/>
        <source>Pick a job first.</source>
        <translation>Wählen Sie zuerst einen Auftrag.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/devices_screen.py" line="209"/>
        <source>That job was already printed or cancelled.</source>
        <translation>Dieser Auftrag ist schon gedruckt oder abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Printers</name>
    <message>
        <location filename="../../floorapp/devices/printer/base.py" line="17"/>
        <source>&apos;{value}&apos; cannot go into a Code 128 barcode: only ASCII characters can.</source>
        <translation>„{value}“ passt nicht in einen Code-128-Barcode: nur ASCII-Zeichen sind möglich.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/base.py" line="18"/>
        <source>A GS1 barcode needs at least one element.</source>
        <translation>Ein GS1-Barcode braucht mindestens ein Element.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/base.py" line="19"/>
        <source>The {label} label needs: {fields}.</source>
        <translation>Das Etikett {label} braucht: {fields}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/base.py" line="44"/>
        <source>Ready</source>
        <extracomment>GS1 data for a barcode: (application identifier, value) pairs in print order, e.g. ((&quot;00&quot;, &quot;0123...5&quot;),). What a template field can be filled with: text, or GS1 element pairs for a GS1 barcode.</extracomment>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/base.py" line="46"/>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/base.py" line="163"/>
        <source>Printer {name} is reachable but did not report its status.</source>
        <extracomment>Short name stored with spooled jobs: ``zpl`` or ``escpos``.</extracomment>
        <translation>Drucker {name} ist erreichbar, meldet aber seinen Status nicht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/escpos.py" line="44"/>
        <source>ESC/POS printing needs the python-escpos package, which is not installed.</source>
        <translation>ESC/POS-Druck braucht das Paket python-escpos, das nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/escpos.py" line="83"/>
        <source>The receipt printer answered its status request with something unreadable.</source>
        <translation>Der Bondrucker hat auf die Statusabfrage unlesbar geantwortet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/escpos.py" line="89"/>
        <source>Cover open</source>
        <translation>Deckel offen</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/escpos.py" line="91"/>
        <location filename="../../floorapp/devices/printer/zpl.py" line="214"/>
        <source>Paper out</source>
        <translation>Papier leer</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/escpos.py" line="93"/>
        <source>Printer error</source>
        <translation>Druckerfehler</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/escpos.py" line="95"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/gs1_data.py" line="23"/>
        <source>&apos;{digits}&apos; is not all digits.</source>
        <translation>„{digits}“ besteht nicht nur aus Ziffern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/gs1_data.py" line="31"/>
        <source>&apos;{ai}&apos; is not a GS1 application identifier.</source>
        <translation>„{ai}“ ist kein GS1-Datenbezeichner.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/gs1_data.py" line="34"/>
        <source>&apos;{value}&apos; cannot be encoded for GS1 AI ({ai}).</source>
        <translation>„{value}“ passt nicht in GS1-AI ({ai}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/gs1_data.py" line="38"/>
        <source>GS1 AI ({ai}) needs {needed} characters, got {got}.</source>
        <translation>GS1-AI ({ai}) braucht {needed} Zeichen, nicht {got}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/gs1_data.py" line="41"/>
        <source>{value} in GS1 AI ({ai}) has a wrong check digit.</source>
        <translation>{value} in GS1-AI ({ai}) hat eine falsche Prüfziffer.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/raster.py" line="20"/>
        <source>Printing PDF labels needs pypdfium2, which is not installed.</source>
        <translation>PDF-Etiketten drucken braucht pypdfium2, das nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/raster.py" line="25"/>
        <source>The carrier label PDF cannot be read.</source>
        <translation>Das PDF des Versandetiketts lässt sich nicht lesen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/raster.py" line="30"/>
        <source>The label PDF has {pages} pages; at most {max} are printed.</source>
        <translation>Das Etikett-PDF hat {pages} Seiten; gedruckt werden höchstens {max}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/templates.py" line="30"/>
        <source>&apos;{name}&apos; is not a label template name.</source>
        <extracomment>``assets/labels`` of the source tree; a packaged build passes its own folder to the languages. ``{{name}}`` is text; ``{{code128:name}}`` barcode data; ``{{gs1:name}}`` GS1 element pairs.</extracomment>
        <translation>„{name}“ ist kein Name einer Etikettvorlage.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/templates.py" line="35"/>
        <source>There is no label template &apos;{name}&apos; ({file}).</source>
        <translation>Es gibt keine Etikettvorlage „{name}“ ({file}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="198"/>
        <source>The printer answered its status request with something unreadable.</source>
        <translation>Der Drucker hat auf die Statusabfrage unlesbar geantwortet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="216"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="218"/>
        <source>Receive buffer full</source>
        <translation>Empfangsspeicher voll</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="220"/>
        <source>Print head too cold</source>
        <translation>Druckkopf zu kalt</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="222"/>
        <source>Print head too hot</source>
        <translation>Druckkopf zu heiß</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="224"/>
        <source>Print head open</source>
        <translation>Druckkopf offen</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="226"/>
        <source>Ribbon out</source>
        <translation>Farbband leer</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/printer/zpl.py" line="280"/>
        <source>This carrier label is not ZPL (no ^XA found).</source>
        <translation>Dieses Versandetikett ist kein ZPL (kein ^XA gefunden).</translation>
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
    <name>Scales</name>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="30"/>
        <source>The scale reports weight in &apos;{unit}&apos;, which FloorApp does not use.</source>
        <translation>Die Waage wiegt in „{unit}“; diese Einheit nutzt FloorApp nicht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="61"/>
        <source>The scale is overloaded; take some weight off.</source>
        <extracomment>Said by every driver that can tell (MT-SICS, Toledo 8217, HID POS ...).</extracomment>
        <translation>Die Waage ist überlastet. Nehmen Sie etwas herunter.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="62"/>
        <source>The scale reads below zero; empty it and zero it.</source>
        <translation>Die Waage zeigt unter null. Leeren Sie sie und stellen Sie sie auf null.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="63"/>
        <source>The weight is still moving.</source>
        <translation>Das Gewicht schwankt noch.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="64"/>
        <source>The weight did not settle; keep the load still and try again.</source>
        <translation>Das Gewicht kommt nicht zur Ruhe. Halten Sie die Last still und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="114"/>
        <source>{scale} cannot be zeroed from FloorApp; use the key on the scale.</source>
        <extracomment>Short name for screens and logs (``Mettler Toledo MT-SICS on /dev/ttyUSB0``).</extracomment>
        <translation>{scale} lässt sich nicht aus FloorApp nullen. Nutzen Sie die Taste an der Waage.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/base.py" line="121"/>
        <source>{scale} cannot be tared from FloorApp; use the key on the scale.</source>
        <translation>{scale} lässt sich nicht aus FloorApp tarieren. Nutzen Sie die Taste an der Waage.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/factory.py" line="40"/>
        <source>Unknown serial scale protocol &apos;{driver}&apos;.</source>
        <translation>Unbekanntes Waagenprotokoll „{driver}“.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/factory.py" line="56"/>
        <source>Set scale.port to the USB scale&apos;s VID:PID (e.g. 0922:8003) or hidapi path.</source>
        <translation>Setzen Sie scale.port auf VID:PID der USB-Waage (z. B. 0922:8003) oder ihren hidapi-Pfad.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/factory.py" line="61"/>
        <source>Set scale.port to the serial port of the {driver} scale (e.g. /dev/ttyUSB0).</source>
        <translation>Setzen Sie scale.port auf die serielle Schnittstelle der Waage {driver} (z. B. /dev/ttyUSB0).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="57"/>
        <source>The USB scale sent a report FloorApp does not understand.</source>
        <translation>Die USB-Waage hat eine Meldung gesendet, die FloorApp nicht versteht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="63"/>
        <source>The USB scale reports a fault; switch it off and on.</source>
        <translation>Die USB-Waage meldet einen Fehler. Schalten Sie sie aus und wieder ein.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="70"/>
        <source>The USB scale needs to be calibrated or zeroed before it can weigh.</source>
        <translation>Die USB-Waage muss kalibriert oder genullt werden, bevor sie wiegen kann.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="78"/>
        <source>The USB scale weighs in unit code {code}, which FloorApp does not use; switch it to g, kg, oz or lb.</source>
        <translation>Die USB-Waage wiegt in Einheit {code}, die FloorApp nicht nutzt. Stellen Sie g, kg, oz oder lb ein.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="93"/>
        <source>USB HID scales need the hidapi package, which is not installed.</source>
        <translation>USB-HID-Waagen brauchen das Paket hidapi, das nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="104"/>
        <source>USB HID scale {path}</source>
        <translation>USB-HID-Waage {path}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="126"/>
        <source>The USB scale {path} is not connected; check its cable.</source>
        <translation>Die USB-Waage {path} ist nicht angeschlossen. Prüfen Sie das Kabel.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="143"/>
        <source>The USB scale {path} stopped answering; is it unplugged?</source>
        <translation>Die USB-Waage {path} antwortet nicht mehr. Ist sie abgezogen?</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/hid_pos.py" line="148"/>
        <source>The USB scale {path} sent nothing; is it switched on?</source>
        <translation>Die USB-Waage {path} sendet nichts. Ist sie eingeschaltet?</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="37"/>
        <source>zero</source>
        <translation>nullen</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="38"/>
        <source>tare</source>
        <translation>tarieren</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="41"/>
        <source>{scale} cannot zero from FloorApp; use the key on the scale.</source>
        <translation>{scale} lässt sich nicht aus FloorApp nullen. Nutzen Sie die Taste an der Waage.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="42"/>
        <source>{scale} cannot tare from FloorApp; use the key on the scale.</source>
        <translation>{scale} lässt sich nicht aus FloorApp tarieren. Nutzen Sie die Taste an der Waage.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="45"/>
        <source>The scale did not confirm the zero.</source>
        <translation>Die Waage hat das Nullen nicht bestätigt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="46"/>
        <source>The scale did not confirm the tare.</source>
        <translation>Die Waage hat das Tarieren nicht bestätigt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="109"/>
        <source>The scale did not accept FloorApp&apos;s request ({answer}).</source>
        <extracomment>Pattern of the answer to zero/tare with a ``flag`` group; ``None`` when the scale does not answer. Whole answers meaning &quot;I did not understand&quot; (MT-SICS ES/ET/EL). An empty answer is normal (the scale only speaks when it has a new stable weight). Seconds between two requests while the weight is still moving. Longest wait for one answer line.</extracomment>
        <translation>Die Waage hat die Anfrage von FloorApp nicht angenommen ({answer}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="115"/>
        <source>The scale answered something FloorApp cannot read; check the scale&apos;s protocol setting.</source>
        <translation>Die Antwort der Waage ist für FloorApp unlesbar. Prüfen Sie die Protokoll-Einstellung der Waage.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="143"/>
        <source>The scale sent an unreadable weight.</source>
        <translation>Die Waage hat ein unlesbares Gewicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="184"/>
        <source>The scale on {port} is not connected; check its cable and power.</source>
        <translation>Die Waage an {port} ist nicht angeschlossen. Prüfen Sie Kabel und Strom.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="206"/>
        <source>The scale on {port} stopped answering; is it unplugged or switched off?</source>
        <translation>Die Waage an {port} antwortet nicht mehr. Ist sie abgezogen oder ausgeschaltet?</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="263"/>
        <source>The scale on {port} did not answer; check its cable and protocol setting.</source>
        <translation>Die Waage an {port} antwortet nicht. Prüfen Sie Kabel und Protokoll-Einstellung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="288"/>
        <source>{protocol} scale on {port}</source>
        <translation>Waage {protocol} an {port}</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="312"/>
        <source>The scale cannot {action}: the load is above its range.</source>
        <translation>Die Waage kann nicht {action}: die Last ist über ihrem Bereich.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="316"/>
        <source>The scale cannot {action}: the load is below its range.</source>
        <translation>Die Waage kann nicht {action}: die Last ist unter ihrem Bereich.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/serial_scale.py" line="319"/>
        <source>The scale cannot {action} right now; keep the load still and try again.</source>
        <translation>Die Waage kann gerade nicht {action}. Halten Sie die Last still und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/simulated.py" line="94"/>
        <source>The scale simulator needs pseudo-terminals (Linux or macOS).</source>
        <extracomment>Line settings to open the pty with. Linux ptys refuse 7-bit and parity settings (EINVAL), so drivers of 7E1 scales (Toledo 8217) open the simulator 8N1; the bytes on the wire are the same.</extracomment>
        <translation>Der Waagen-Simulator braucht Pseudo-Terminals (Linux oder macOS).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scale/simulated.py" line="333"/>
        <source>Simulated {protocol} scale</source>
        <translation>Simulierte Waage {protocol}</translation>
    </message>
</context>
<context>
    <name>ScanPolicyScreen</name>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="96"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="97"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="193"/>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="197"/>
        <source>Scan rules</source>
        <translation>Scan-Regeln</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="198"/>
        <source>Which scans wave picking asks for, per operation type. Tap one to change.</source>
        <translation>Welche Scans die Wellen-Kommissionierung verlangt, je Vorgangstyp. Zum Ändern antippen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="199"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="200"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="201"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="204"/>
        <source>Scan the bin</source>
        <translation>Lagerplatz scannen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="205"/>
        <source>Proves the picker is at the right bin before taking goods.</source>
        <translation>Belegt, dass der Kommissionierer vor der Entnahme am richtigen Platz ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="206"/>
        <source>Scan the article</source>
        <translation>Artikel scannen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="207"/>
        <source>Proves the right article before any quantity counts.</source>
        <translation>Belegt den richtigen Artikel, bevor eine Menge zählt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="208"/>
        <source>Scan the lot or serial</source>
        <translation>Charge oder Seriennummer scannen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="209"/>
        <source>For tracked articles. Off: the reserved lot is taken.</source>
        <translation>Für verfolgte Artikel. Aus: die reservierte Charge wird genommen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="210"/>
        <source>Scan the tote</source>
        <translation>Behälter scannen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="211"/>
        <source>Each order&apos;s goods go into its scanned tote. Off: recorded loose.</source>
        <translation>Die Ware jedes Auftrags kommt in seinen gescannten Behälter. Aus: lose erfasst.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="212"/>
        <source>Allow over-picking</source>
        <translation>Mehrentnahme erlauben</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="213"/>
        <source>Accepts more than ordered; the extra goes to the last order.</source>
        <translation>Nimmt mehr als bestellt an; das Mehr geht an den letzten Auftrag.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="222"/>
        <source>bin</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="222"/>
        <source>article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="222"/>
        <source>lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="223"/>
        <source>tote</source>
        <translation>Behälter</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="226"/>
        <source>Every scan</source>
        <translation>Alle Scans</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="228"/>
        <source>Scans: {scans}</source>
        <translation>Scans: {scans}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="230"/>
        <source>No scans</source>
        <translation>Keine Scans</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="232"/>
        <source>over-picking allowed</source>
        <translation>Mehrentnahme erlaubt</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/scan_policy_screen.py" line="265"/>
        <source>No operation types on this device yet. Sync with Odoo first.</source>
        <translation>Noch keine Vorgangstypen auf diesem Gerät. Zuerst mit Odoo synchronisieren.</translation>
    </message>
</context>
<context>
    <name>ScanRules</name>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="38"/>
        <source>Changes apply from the next scan on this device, also in a wave already in progress.</source>
        <extracomment>The settings of a scan policy, in the order screens and the command line show them. When a saved change takes effect; screens show it beside Save (the handler reads the rules at every command).</extracomment>
        <translation>Änderungen gelten ab dem nächsten Scan auf diesem Gerät, auch in einer schon begonnenen Welle.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="126"/>
        <source>No operation type &apos;{reference}&apos; on this device; `floorapp scan-policy show` lists them.</source>
        <translation>Kein Vorgangstyp &apos;{reference}&apos; auf diesem Gerät; `floorapp scan-policy show` listet sie auf.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="131"/>
        <source>Several operation types are called &apos;{reference}&apos;; give the id of one: {choices}.</source>
        <translation>Mehrere Vorgangstypen heißen &apos;{reference}&apos;; geben Sie die ID von einem an: {choices}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="200"/>
        <source>Unknown scan rule &apos;{key}&apos;; the rules are {keys}.</source>
        <translation>Unbekannte Scan-Regel &apos;{key}&apos;; die Regeln sind {keys}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="204"/>
        <source>The scan rule {key} is on or off, not &apos;{value}&apos;.</source>
        <translation>Die Scan-Regel {key} ist ein oder aus, nicht &apos;{value}&apos;.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="208"/>
        <source>Name at least one scan rule to set.</source>
        <translation>Nennen Sie mindestens eine Scan-Regel.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="221"/>
        <source>Write each scan rule as key=on or key=off, not &apos;{word}&apos;.</source>
        <translation>Schreiben Sie jede Scan-Regel als key=on oder key=off, nicht &apos;{word}&apos;.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="243"/>
        <source>There is no operation type #{id} on this device.</source>
        <translation>Es gibt keinen Vorgangstyp #{id} auf diesem Gerät.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="252"/>
        <source>The scan rules of {type} are unchanged.</source>
        <translation>Die Scan-Regeln von {type} sind unverändert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/scan_policy_admin.py" line="264"/>
        <source>Scan rules of {type} saved.</source>
        <translation>Scan-Regeln von {type} gespeichert.</translation>
    </message>
</context>
<context>
    <name>Scanners</name>
    <message>
        <location filename="../../floorapp/devices/scanner/decoder.py" line="76"/>
        <source>The {decoder} decoder cannot read {formats}.</source>
        <translation>Der Decoder {decoder} kann {formats} nicht lesen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scanner/decoder.py" line="103"/>
        <source>Unknown barcode decoder &apos;{name}&apos;; choose one of: {decoders}.</source>
        <translation>Unbekannter Barcode-Decoder „{name}“; möglich sind: {decoders}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scanner/serial_scanner.py" line="104"/>
        <source>The scanner on {device} sends data without line ends; check its suffix setting (it must end each scan with Enter/CR).</source>
        <translation>Der Scanner an {device} sendet Daten ohne Zeilenende. Prüfen Sie die Suffix-Einstellung (jeder Scan muss mit Enter/CR enden).</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scanner/simulated_serial.py" line="33"/>
        <source>The serial scanner simulator needs a POSIX pseudo-terminal.</source>
        <translation>Der Simulator für serielle Scanner braucht ein POSIX-Pseudo-Terminal.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scanner/zbar_decoder.py" line="32"/>
        <source>Camera scanning with pyzbar needs the pyzbar package and the zbar library, which are not installed.</source>
        <translation>Scannen mit der Kamera über pyzbar braucht das Paket pyzbar und die Bibliothek zbar; beide fehlen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/devices/scanner/zxing_decoder.py" line="26"/>
        <source>Camera scanning with zxing needs the zxing-cpp package, which is not installed.</source>
        <translation>Scannen mit der Kamera über zxing braucht das Paket zxing-cpp, das nicht installiert ist.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../floorapp/secrets.py" line="28"/>
        <source>No usable system keyring to keep the Odoo password or API key. Install or unlock one (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or set FLOORAPP_ODOO_KEY for this run.</source>
        <translation>Kein nutzbarer Systemschlüsselbund für das Odoo-Passwort oder den API-Schlüssel. Installieren oder entsperren Sie einen (GNOME Keyring, KWallet, macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung) oder setzen Sie FLOORAPP_ODOO_KEY für diesen Lauf.</translation>
    </message>
    <message>
        <location filename="../../floorapp/secrets.py" line="48"/>
        <source>Set odoo.user (and odoo.url, odoo.database) before storing the Odoo password or API key.</source>
        <translation>Setzen Sie odoo.user (und odoo.url, odoo.database), bevor Sie das Odoo-Passwort oder den API-Schlüssel speichern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/secrets.py" line="84"/>
        <source>The Odoo password or API key is empty.</source>
        <translation>Das Odoo-Passwort bzw. der API-Schlüssel ist leer.</translation>
    </message>
    <message>
        <location filename="../../floorapp/secrets.py" line="116"/>
        <source>Name the floor user&apos;s Odoo login.</source>
        <translation>Nennen Sie die Odoo-Anmeldung des Benutzers.</translation>
    </message>
    <message>
        <location filename="../../floorapp/secrets.py" line="119"/>
        <source>Set odoo.url (and odoo.database) before storing a floor user&apos;s API key.</source>
        <translation>Setzen Sie odoo.url (und odoo.database), bevor Sie den API-Schlüssel eines Benutzers speichern.</translation>
    </message>
    <message>
        <location filename="../../floorapp/secrets.py" line="139"/>
        <source>The API key is empty.</source>
        <translation>Der API-Schlüssel ist leer.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../floorapp/cli/config_cmd.py" line="139"/>
        <source>{key} is not a setting: the Odoo password or API key is kept in the OS keyring. Store it with `floorapp config set-secret` (or set FLOORAPP_ODOO_KEY for one run).</source>
        <translation>{key} ist keine Einstellung: Das Odoo-Passwort oder der API-Schlüssel liegt im Schlüsselbund des Systems. Speichern Sie ihn mit `floorapp config set-secret` (oder setzen Sie FLOORAPP_ODOO_KEY für einen Lauf).</translation>
    </message>
    <message>
        <location filename="../../floorapp/cli/config_cmd.py" line="146"/>
        <source>Unknown setting {key}. Did you mean {close}? See `floorapp config show`.</source>
        <translation>Unbekannte Einstellung {key}. Meinten Sie {close}? Siehe `floorapp config show`.</translation>
    </message>
    <message>
        <location filename="../../floorapp/cli/config_cmd.py" line="148"/>
        <source>Unknown setting {key}. See `floorapp config show`.</source>
        <translation>Unbekannte Einstellung {key}. Siehe `floorapp config show`.</translation>
    </message>
    <message>
        <location filename="../../floorapp/logging_setup.py" line="171"/>
        <source>Unknown log level {level}; use DEBUG, INFO, WARNING or ERROR.</source>
        <translation>Unbekannte Protokollstufe {level}; möglich sind DEBUG, INFO, WARNING oder ERROR.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="64"/>
        <source>Setting {name} must be {kind}, not {value}.</source>
        <translation>Die Einstellung {name} muss {kind} sein, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="70"/>
        <source>Setting {name} must be one of {allowed}, not {value}.</source>
        <translation>Die Einstellung {name} muss eines von {allowed} sein, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="75"/>
        <source>Setting {name} must be at least {minimum}, not {value}.</source>
        <translation>Die Einstellung {name} muss mindestens {minimum} sein, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="82"/>
        <source>text</source>
        <translation>ein Text</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="83"/>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="84"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="85"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="193"/>
        <source>The settings file {path} is not valid TOML: {problem}</source>
        <translation>Die Einstellungsdatei {path} ist kein gültiges TOML: {problem}</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="199"/>
        <source>Unknown setting {name} in {path}.</source>
        <translation>Unbekannte Einstellung {name} in {path}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="213"/>
        <source>Unknown setting {name}.</source>
        <translation>Unbekannte Einstellung {name}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="238"/>
        <source>Unknown setting {name}. See `floorapp config show`.</source>
        <translation>Unbekannte Einstellung {name}. Siehe `floorapp config show`.</translation>
    </message>
    <message>
        <location filename="../../floorapp/settings.py" line="256"/>
        <source>These settings have no file to be saved to.</source>
        <translation>Für diese Einstellungen gibt es keine Datei zum Speichern.</translation>
    </message>
</context>
<context>
    <name>ShortReasonPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="451"/>
        <source>Short pick: why?</source>
        <translation>Fehlmenge: warum?</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="452"/>
        <source>What you took so far stays picked. The bin gets a count.</source>
        <translation>Was Sie schon genommen haben, bleibt entnommen. Der Lagerplatz wird gezählt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="454"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="455"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="456"/>
        <source>Not enough in bin</source>
        <translation>Zu wenig im Platz</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="457"/>
        <source>Wrong product in bin</source>
        <translation>Falscher Artikel im Platz</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="461"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="194"/>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="198"/>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="204"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="200"/>
        <source>Scan your badge</source>
        <translation>Scannen Sie Ihren Ausweis</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="201"/>
        <source>…or tap your name and type your PIN</source>
        <translation>…oder Namen antippen und PIN eingeben</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="202"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="203"/>
        <source>Not me</source>
        <translation>Nicht ich</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="268"/>
        <source>Tap your name first.</source>
        <translation>Tippen Sie zuerst auf Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="272"/>
        <source>Type your PIN.</source>
        <translation>Geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="287"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="327"/>
        <source>No users on this device yet. Ask a supervisor.</source>
        <translation>Auf diesem Gerät gibt es noch keine Benutzer. Fragen Sie die Schichtleitung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="351"/>
        <source>Your PIN</source>
        <translation>Ihre PIN</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/screens/sign_in.py" line="353"/>
        <source>PIN for {name}</source>
        <translation>PIN für {name}</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="236"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="243"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="246"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="249"/>
        <source>No Odoo server is set up; all work is kept on this device.</source>
        <translation>Kein Odoo-Server eingerichtet; alle Arbeit bleibt auf diesem Gerät.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../floorapp/ui/status_bar.py" line="252"/>
        <source>Queue: %n</source>
        <translation>
            <numerusform>Warteschlange: %n</numerusform>
            <numerusform>Warteschlange: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../floorapp/ui/status_bar.py" line="255"/>
        <source>to check: %n</source>
        <translation>
            <numerusform>zu prüfen: %n</numerusform>
            <numerusform>zu prüfen: %n</numerusform>
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
        <location filename="../../floorapp/ui/status_bar.py" line="259"/>
        <source>Oldest: –</source>
        <translation>Älteste: –</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="261"/>
        <source>Oldest: {age}</source>
        <translation>Älteste: {age}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="262"/>
        <source>Synced: {when}</source>
        <translation>Sync: {when}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="270"/>
        <source>Data: {age}</source>
        <translation>Daten: {age}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/status_bar.py" line="281"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="81"/>
        <source>The device&apos;s storage is full, so this was not saved. Free some space, then try again.</source>
        <translation>Der Speicher des Geräts ist voll, daher wurde nichts gespeichert. Platz schaffen und erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="84"/>
        <source>FloorApp&apos;s database is read-only, so this was not saved. Ask IT to check {path}.</source>
        <translation>Die FloorApp-Datenbank ist schreibgeschützt, daher wurde nichts gespeichert. Bitten Sie die IT, {path} zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="88"/>
        <source>FloorApp&apos;s database file is damaged. Stop using this device and call IT; keep the file {path}.</source>
        <translation>Die FloorApp-Datenbank ist beschädigt. Gerät nicht weiter benutzen und die IT rufen; die Datei {path} aufbewahren.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="92"/>
        <source>The device could not read or write its storage, so this was not saved. Try again; call IT if it repeats.</source>
        <translation>Das Gerät konnte seinen Speicher nicht lesen oder schreiben, daher wurde nichts gespeichert. Erneut versuchen; bei Wiederholung die IT rufen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="96"/>
        <source>FloorApp cannot open its database {path}. Check that the folder exists and can be written.</source>
        <translation>FloorApp kann seine Datenbank {path} nicht öffnen. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="100"/>
        <source>The database is busy with another FloorApp on this device. Try again in a moment.</source>
        <translation>Die Datenbank wird gerade von einer anderen FloorApp auf diesem Gerät benutzt. Gleich erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="220"/>
        <source>FloorApp cannot create the folder for its database ({folder}).</source>
        <translation>FloorApp kann den Ordner für seine Datenbank nicht anlegen ({folder}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="268"/>
        <source>This database was written by a newer FloorApp (schema {stamped}); update FloorApp to open it. This FloorApp reads schema {ours}. Nothing was changed in {path}.</source>
        <translation>Diese Datenbank stammt von einer neueren FloorApp (Schema {stamped}); aktualisieren Sie FloorApp, um sie zu öffnen. Diese FloorApp liest Schema {ours}. In {path} wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/offline_store/db.py" line="315"/>
        <source>FloorApp does not know this database&apos;s schema (revision {revisions}); update FloorApp. Nothing was changed in {path}.</source>
        <translation>FloorApp kennt das Schema dieser Datenbank nicht (Revision {revisions}); aktualisieren Sie FloorApp. In {path} wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="346"/>
        <source>FloorApp does not know how to send {kind}.</source>
        <extracomment>An applier&apos;s steps: it yields refs that must be recorded durably before it goes on (the ``*_sent`` refs before a call that cannot be repeated), and returns the refs to keep. The worker runs a chunk&apos;s appliers in lockstep and records what they all yield in one local commit.</extracomment>
        <translation>FloorApp kann {kind} nicht senden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="393"/>
        <source>Odoo did not finish validating {picking} (state {state}).</source>
        <translation>Odoo hat {picking} nicht fertig bestätigt (Status {state}).</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="543"/>
        <source>Odoo says a picked lot is expired; a supervisor decides.</source>
        <translation>Laut Odoo ist eine entnommene Charge abgelaufen; die Schichtleitung entscheidet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="548"/>
        <source>Odoo asks a question FloorApp cannot answer ({model}); finish this transfer in Odoo.</source>
        <translation>Odoo stellt eine Frage, die FloorApp nicht beantworten kann ({model}); schließen Sie diesen Vorgang in Odoo ab.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="555"/>
        <source>Odoo kept asking questions; finish this transfer in Odoo.</source>
        <translation>Odoo stellt immer weitere Fragen; schließen Sie diesen Vorgang in Odoo ab.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="617"/>
        <source>{picking} was validated in Odoo while FloorApp was sending it; check its quantities in Odoo.</source>
        <translation>{picking} wurde in Odoo bestätigt, während FloorApp es sendete; prüfen Sie die Mengen in Odoo.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="632"/>
        <source>{picking} was deleted in Odoo.</source>
        <translation>{picking} wurde in Odoo gelöscht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="645"/>
        <source>{picking} was validated in Odoo by someone else; nothing was shipped twice.</source>
        <translation>{picking} wurde in Odoo von jemand anderem bestätigt; nichts wurde doppelt versandt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="651"/>
        <source>{picking} was cancelled in Odoo.</source>
        <translation>{picking} wurde in Odoo storniert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="663"/>
        <source>A line of {picking} was removed or moved in Odoo.</source>
        <translation>Eine Zeile von {picking} wurde in Odoo entfernt oder verschoben.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="669"/>
        <source>Nothing was picked on {picking}; it was not validated.</source>
        <translation>Für {picking} wurde nichts entnommen; es wurde nicht bestätigt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="770"/>
        <source>A line of {picking} was changed in Odoo (taken by another picker?) after it was downloaded.</source>
        <translation>Eine Zeile von {picking} wurde nach dem Laden in Odoo geändert (von jemand anderem übernommen?).</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="791"/>
        <source>Lot {lot} of {picking} now expires earlier in Odoo ({now}) than when it was picked ({ours}); a supervisor decides.</source>
        <translation>Charge {lot} von {picking} läuft in Odoo jetzt früher ab ({now}) als bei der Entnahme ({ours}); die Schichtleitung entscheidet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="834"/>
        <source>Lines to pack into {package} were removed in Odoo.</source>
        <translation>Zeilen für das Packstück {package} wurden in Odoo entfernt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="856"/>
        <source>The lines for {package} were already processed in Odoo.</source>
        <translation>Die Zeilen für {package} wurden in Odoo schon verarbeitet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="894"/>
        <source>Stock changed in Odoo since it was counted: Odoo now has {have}, the counter saw {expected} and counted {counted}.</source>
        <translation>Der Bestand hat sich in Odoo seit der Zählung geändert: Odoo hat jetzt {have}, beim Zählen standen {expected} da, gezählt wurden {counted}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="917"/>
        <source>Odoo says the quant changed since it was counted.</source>
        <translation>Laut Odoo hat sich der Bestand seit der Zählung geändert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="991"/>
        <source>Odoo did not keep the count request for this bin.</source>
        <translation>Odoo hat die Zählanforderung für diesen Lagerplatz nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1020"/>
        <source>The return was cancelled in Odoo.</source>
        <translation>Die Retoure wurde in Odoo storniert.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1042"/>
        <source>The return was deleted in Odoo.</source>
        <translation>Die Retoure wurde in Odoo gelöscht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1075"/>
        <source>Several returns of this delivery appeared in Odoo.</source>
        <translation>In Odoo gibt es mehrere Retouren zu dieser Lieferung.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1086"/>
        <source>Odoo offers no return line for move {move}.</source>
        <translation>Odoo bietet keine Retourenzeile für Bewegung {move}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1101"/>
        <source>Odoo did not say which return it created.</source>
        <translation>Odoo hat nicht gesagt, welche Retoure angelegt wurde.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1125"/>
        <source>The photo {file} is not on this device any more.</source>
        <translation>Das Foto {file} ist nicht mehr auf diesem Gerät.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/appliers.py" line="1131"/>
        <source>The photo {file} could not be read on this device.</source>
        <translation>Das Foto {file} konnte auf diesem Gerät nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/client.py" line="243"/>
        <source>Odoo did not return the new record&apos;s id.</source>
        <translation>Odoo hat die ID des neuen Datensatzes nicht zurückgegeben.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/client.py" line="256"/>
        <source>Odoo did not return the new records&apos; ids.</source>
        <translation>Odoo hat die IDs der neuen Datensätze nicht zurückgegeben.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/client.py" line="322"/>
        <source>The server did not answer like Odoo.</source>
        <translation>Der Server antwortet nicht wie Odoo.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/client.py" line="334"/>
        <location filename="../../floorapp/sync/service.py" line="143"/>
        <source>The Odoo URL is not set (setting odoo.url).</source>
        <translation>Die Odoo-Adresse ist nicht eingestellt (Einstellung odoo.url).</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/client.py" line="352"/>
        <source>Unknown Odoo transport {transport} (setting odoo.transport).</source>
        <translation>Unbekannter Odoo-Transport {transport} (Einstellung odoo.transport).</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/errors.py" line="148"/>
        <source>Odoo signed this device out; signing in again.</source>
        <translation>Odoo hat dieses Gerät abgemeldet; es meldet sich neu an.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/errors.py" line="152"/>
        <location filename="../../floorapp/sync/transport_jsonrpc.py" line="81"/>
        <source>Odoo refused FloorApp&apos;s login or API key. A supervisor must check the connection settings.</source>
        <translation>Odoo hat Anmeldung oder API-Schlüssel von FloorApp abgelehnt. Die Schichtleitung muss die Verbindungseinstellungen prüfen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/errors.py" line="160"/>
        <source>Odoo was busy; the transaction will be retried.</source>
        <translation>Odoo war ausgelastet; die Buchung wird erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="26"/>
        <source>Odoo answered HTTP {code}; the transaction will be retried.</source>
        <translation>Odoo antwortete mit HTTP {code}; die Buchung wird erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="35"/>
        <source>Odoo&apos;s certificate could not be verified; check odoo.ca_bundle.</source>
        <translation>Das Zertifikat von Odoo ließ sich nicht prüfen; odoo.ca_bundle kontrollieren.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="39"/>
        <source>Odoo did not answer in time.</source>
        <translation>Odoo hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="42"/>
        <location filename="../../floorapp/sync/transport_jsonrpc.py" line="67"/>
        <source>Odoo cannot be reached.</source>
        <translation>Odoo ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="45"/>
        <source>The connection to Odoo broke.</source>
        <translation>Die Verbindung zu Odoo ist abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="50"/>
        <source>Odoo sent an unreadable answer.</source>
        <translation>Odoo hat eine unlesbare Antwort geschickt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/network.py" line="54"/>
        <source>The connection to Odoo failed.</source>
        <translation>Die Verbindung zu Odoo ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/transport_json2.py" line="20"/>
        <source>Odoo did not accept FloorApp&apos;s API key.</source>
        <translation>Odoo hat den API-Schlüssel von FloorApp nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/transport_json2.py" line="86"/>
        <source>Odoo answered HTTP {code}.</source>
        <translation>Odoo antwortete mit HTTP {code}.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/transport_jsonrpc.py" line="123"/>
        <source>Not signed in to Odoo.</source>
        <translation>Nicht bei Odoo angemeldet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/users.py" line="68"/>
        <source>Odoo&apos;s Inventory groups were not found; is the Inventory app installed?</source>
        <translation>Die Lager-Gruppen von Odoo wurden nicht gefunden; ist die App Lager installiert?</translation>
    </message>
    <message>
        <location filename="../../floorapp/sync/worker.py" line="656"/>
        <source>{name} is signed in as {role}; this is for supervisors only.</source>
        <extracomment>Local floor user id -&gt; a client signed in with that user&apos;s own API key, or None (integration user). Kinds whose preconditions compare line write dates with those our own earlier transactions left. Entries in one chunk at most.</extracomment>
        <translation>{name} ist als {role} angemeldet; das ist nur für die Schichtleitung.</translation>
    </message>
</context>
<context>
    <name>SyncAdmin</name>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="35"/>
        <source>Validate picking</source>
        <translation>Transfer buchen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="36"/>
        <source>Put in pack</source>
        <translation>Verpacken</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="37"/>
        <source>Count</source>
        <translation>Zählung</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="38"/>
        <source>Count request</source>
        <translation>Zählauftrag</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="39"/>
        <source>Return</source>
        <translation>Retoure</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="44"/>
        <source>Validated in Odoo by someone else</source>
        <translation>In Odoo schon von jemand anderem gebucht</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="45"/>
        <source>Cancelled in Odoo</source>
        <translation>In Odoo storniert</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="46"/>
        <source>Deleted in Odoo</source>
        <translation>In Odoo gelöscht</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="47"/>
        <source>A line was removed in Odoo</source>
        <translation>In Odoo wurde eine Zeile entfernt</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="48"/>
        <source>A line was changed in Odoo</source>
        <translation>In Odoo wurde eine Zeile geändert</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="49"/>
        <source>Stock moved since the count</source>
        <translation>Bestand hat sich seit der Zählung bewegt</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="50"/>
        <source>Record deleted in Odoo</source>
        <translation>Datensatz in Odoo gelöscht</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="51"/>
        <source>Lot expired</source>
        <translation>Charge abgelaufen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="52"/>
        <source>The lot&apos;s expiry date was changed in Odoo</source>
        <translation>Das Ablaufdatum der Charge wurde in Odoo geändert</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="53"/>
        <source>More than one return in Odoo</source>
        <translation>Mehr als eine Retoure in Odoo</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="175"/>
        <source>Say why the transaction is discarded.</source>
        <translation>Geben Sie an, warum die Buchung verworfen wird.</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="201"/>
        <source>{kind} {subject}</source>
        <translation>{kind} {subject}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="241"/>
        <source>Backorder: as the operation type says</source>
        <translation>Rückstand: wie der Vorgangstyp es vorgibt</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="242"/>
        <source>Backorder for what was not picked</source>
        <translation>Rückstand für das, was nicht entnommen wurde</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="243"/>
        <source>No backorder: the rest is cancelled</source>
        <translation>Kein Rückstand: der Rest wird storniert</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="249"/>
        <source>backorder</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="250"/>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="251"/>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="252"/>
        <source>counted</source>
        <translation>gezählt</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="253"/>
        <source>expected</source>
        <translation>erwartet</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="254"/>
        <source>counted quantity</source>
        <translation>gezählte Menge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="255"/>
        <source>expected quantity</source>
        <translation>erwartete Menge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="256"/>
        <source>quantity when downloaded</source>
        <translation>Menge beim Herunterladen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="257"/>
        <source>short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="258"/>
        <location filename="../../floorapp/workflows/sync_admin.py" line="259"/>
        <source>lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="260"/>
        <source>package</source>
        <translation>Packstück</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="261"/>
        <source>picked</source>
        <translation>entnommen</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="262"/>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="263"/>
        <source>requested for</source>
        <translation>angefordert für</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="264"/>
        <source>requested by</source>
        <translation>angefordert von</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="265"/>
        <source>expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="266"/>
        <source>last changed</source>
        <translation>zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="267"/>
        <source>shipping weight</source>
        <translation>Versandgewicht</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="268"/>
        <source>Odoo&apos;s message</source>
        <translation>Meldung von Odoo</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="269"/>
        <source>Odoo&apos;s error</source>
        <translation>Fehler von Odoo</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="270"/>
        <source>disposition</source>
        <translation>Verwendung</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="298"/>
        <source>… {count} more</source>
        <translation>… {count} weitere</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="309"/>
        <source>product {id}</source>
        <translation>Artikel {id}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="313"/>
        <source>{product} × {quantity}</source>
        <translation>{product} × {quantity}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="315"/>
        <source>× {quantity}</source>
        <translation>× {quantity}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="318"/>
        <source>{label} {value}</source>
        <translation>{label} {value}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="321"/>
        <source>{line} {detail}</source>
        <translation>{line} {detail}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="328"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../../floorapp/workflows/sync_admin.py" line="337"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="211"/>
        <source>Sync &amp; parked transactions</source>
        <translation>Synchronisation &amp; geparkte Buchungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="216"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="217"/>
        <source>Retry</source>
        <translation>Nochmal senden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="218"/>
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="219"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="220"/>
        <source>Transactions</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="222"/>
        <source>Print queue</source>
        <translation>Druckaufträge</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="273"/>
        <source>No Odoo server is set up.</source>
        <translation>Kein Odoo-Server eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="274"/>
        <source>Sync is off: {reason}</source>
        <translation>Synchronisation ist aus: {reason}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="278"/>
        <source>Online · Odoo {version}</source>
        <translation>Online · Odoo {version}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="281"/>
        <source>Checking Odoo…</source>
        <translation>Odoo wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="286"/>
        <source>Offline: Odoo cannot be reached. Work is kept on this device.</source>
        <translation>Offline: Odoo ist nicht erreichbar. Die Arbeit bleibt auf diesem Gerät.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="288"/>
        <source>Offline: {error}</source>
        <translation>Offline: {error}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="294"/>
        <source>Last sync OK: {when}</source>
        <translation>Letzte Synchronisation OK: {when}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="296"/>
        <source>never downloaded</source>
        <translation>nie heruntergeladen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="297"/>
        <source>Data age: {age}</source>
        <translation>Daten-Alter: {age}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="301"/>
        <source>Waiting to send: {queued} · Parked: {parked} · Conflicts: {conflicts}</source>
        <translation>Zu senden: {queued} · Geparkt: {parked} · Konflikte: {conflicts}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="309"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="310"/>
        <source>{time} ({age} ago)</source>
        <translation>{time} (vor {age})</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="324"/>
        <source>Nothing needs you: no parked or conflicting transactions.</source>
        <translation>Nichts zu tun: keine geparkten Buchungen und keine Konflikte.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="325"/>
        <source>Fix it in Odoo, then Retry. Or Discard it.</source>
        <translation>In Odoo korrigieren, dann nochmal senden. Oder verwerfen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="333"/>
        <source>CONFLICT · {title}</source>
        <translation>KONFLIKT · {title}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="336"/>
        <source>{reason}: {problem}</source>
        <translation>{reason}: {problem}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="338"/>
        <source>PARKED · {title}</source>
        <translation>GEPARKT · {title}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="340"/>
        <source>Not sent: {problem}</source>
        <translation>Nicht gesendet: {problem}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="342"/>
        <source>Odoo says: {problem}</source>
        <translation>Odoo meldet: {problem}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="343"/>
        <source>Done by {user} on {when}</source>
        <translation>Erfasst von {user} am {when}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="347"/>
        <source>On the floor:</source>
        <translation>Im Lager erfasst:</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="350"/>
        <source>In Odoo now:</source>
        <translation>Jetzt in Odoo:</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="370"/>
        <source>Sync is off on this device.</source>
        <translation>Synchronisation ist auf diesem Gerät aus.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="372"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="381"/>
        <source>Downloading {model}: {rows} rows (step {step} of {steps})</source>
        <translation>Lade {model}: {rows} Zeilen (Schritt {step} von {steps})</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="391"/>
        <source>Sync done: {applied} sent to Odoo.</source>
        <translation>Synchronisation fertig: {applied} an Odoo gesendet.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="393"/>
        <source>Sync stopped: {error}</source>
        <translation>Synchronisation gestoppt: {error}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="394"/>
        <source>Download finished.</source>
        <translation>Download fertig.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="411"/>
        <location filename="../../floorapp/ui/sync_screen.py" line="414"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="412"/>
        <source>Discard “{title}”? It will never be sent to Odoo; fix Odoo by hand if needed.</source>
        <translation>„{title}“ verwerfen? Es wird nie an Odoo gesendet; korrigieren Sie Odoo bei Bedarf von Hand.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="414"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="429"/>
        <source>Sent back to the queue.</source>
        <translation>Zurück in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/sync_screen.py" line="433"/>
        <source>Discarded.</source>
        <translation>Verworfen.</translation>
    </message>
</context>
<context>
    <name>UserText</name>
    <message>
        <location filename="../../floorapp/user_text.py" line="127"/>
        <source>{first}; {second}</source>
        <translation>{first}; {second}</translation>
    </message>
</context>
<context>
    <name>WaveListPage</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="121"/>
        <source>Waves to pick</source>
        <translation>Wellen zum Kommissionieren</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="122"/>
        <source>No wave on this device. Download your waves while you have network.</source>
        <translation>Keine Welle auf diesem Gerät. Laden Sie Ihre Wellen, solange Sie Netz haben.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="123"/>
        <source>Download waves</source>
        <translation>Wellen laden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="124"/>
        <source>Back to home</source>
        <translation>Zurück zum Start</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="130"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="130"/>
        <source>Open to claim</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="132"/>
        <source>Done, waiting for sync</source>
        <translation>Fertig, wartet aufs Senden</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="134"/>
        <source>{done} of {total} lines picked</source>
        <translation>{done} von {total} Zeilen entnommen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="137"/>
        <source>1 order</source>
        <translation>1 Auftrag</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="137"/>
        <source>{n} orders</source>
        <translation>{n} Aufträge</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="145"/>
        <source>1 line taken by another picker</source>
        <translation>1 Zeile bei jemand anderem</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="147"/>
        <source>{n} lines taken by other pickers</source>
        <translation>{n} Zeilen bei anderen</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="140"/>
        <source>Data: {age}</source>
        <translation>Daten: {age}</translation>
    </message>
</context>
<context>
    <name>WavePickingScreen</name>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="591"/>
        <source>Wave picking</source>
        <translation>Wellen-Kommis­sionierung</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="607"/>
        <source>Open a wave first.</source>
        <translation>Öffnen Sie zuerst eine Welle.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="609"/>
        <source>Choose on the screen or Cancel first.</source>
        <translation>Erst auf dem Bildschirm wählen oder abbrechen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="646"/>
        <source>Downloading waves…</source>
        <translation>Wellen werden geladen…</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="659"/>
        <source>Download failed: {error}</source>
        <translation>Laden fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="661"/>
        <source>Waves downloaded.</source>
        <translation>Wellen geladen.</translation>
    </message>
    <message>
        <location filename="../../floorapp/ui/picking/screen.py" line="710"/>
        <source>Type the quantity first.</source>
        <translation>Tippen Sie zuerst die Menge.</translation>
    </message>
</context>
</TS>
