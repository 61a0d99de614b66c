^XA
^CI28
^PW812
^LL406
^FO30,30^A0N,48,48^FB750,2,0,L^FH^FD{{product_name}}^FS
^FO30,140^A0N,36,36^FH^FDRef: {{default_code}}^FS
^FO60,200^BY3^BCN,120,Y,N,N^FH^FD{{code128:barcode}}^FS
^XZ
