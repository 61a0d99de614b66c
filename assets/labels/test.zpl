^XA
^CI28
^PW812
^LL406
^FO30,30^A0N,48,48^FDFloorApp test label^FS
^FO30,100^A0N,36,36^FH^FDStation: {{station}}^FS
^FO60,170^BY3^BCN,120,Y,N,N^FH^FD{{code128:code}}^FS
^XZ
